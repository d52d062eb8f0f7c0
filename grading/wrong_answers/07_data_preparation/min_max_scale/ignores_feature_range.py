def min_max_scale(X, data_min, data_max, feature_range=(0.0, 1.0)):
    X = np.asarray(X, dtype=float)
    span = np.asarray(data_max, dtype=float) - np.asarray(data_min, dtype=float)
    span = np.where(span > 0, span, 1.0)
    return (X - data_min) / span
