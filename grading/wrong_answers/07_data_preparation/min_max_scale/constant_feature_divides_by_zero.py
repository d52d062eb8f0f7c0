def min_max_scale(X, data_min, data_max, feature_range=(0.0, 1.0)):
    X = np.asarray(X, dtype=float)
    low, high = feature_range
    with np.errstate(divide="ignore", invalid="ignore"):
        return low + (high - low) * (X - data_min) / (np.asarray(data_max, dtype=float) - data_min)
