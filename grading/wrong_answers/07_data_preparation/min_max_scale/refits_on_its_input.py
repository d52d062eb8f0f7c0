def min_max_scale(X, data_min, data_max, feature_range=(0.0, 1.0)):
    X = np.asarray(X, dtype=float)
    low, high = feature_range
    data_min, data_max = X.min(axis=0), X.max(axis=0)  # the statistics of whatever split comes in
    span = np.where(data_max - data_min > 0, data_max - data_min, 1.0)
    return low + (high - low) * (X - data_min) / span
