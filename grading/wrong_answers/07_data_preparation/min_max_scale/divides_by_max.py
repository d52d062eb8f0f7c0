def min_max_scale(X, data_min, data_max, feature_range=(0.0, 1.0)):
    X = np.asarray(X, dtype=float)
    low, high = feature_range
    span = np.where(np.asarray(data_max, dtype=float) != 0, data_max, 1.0)
    return low + (high - low) * (X - data_min) / span
