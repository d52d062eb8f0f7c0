# mistake: Ignores feature_range
# why: It always maps to [0, 1] and never uses a and b, so a request for (-1, 1) gives the same result as the default.
# hint: Call it with feature_range=(-1, 1): the training minimum should map to -1. Where are a and b used?
def min_max_scale(X, data_min, data_max, feature_range=(0.0, 1.0)):
    X = np.asarray(X, dtype=float)
    span = np.asarray(data_max, dtype=float) - np.asarray(data_min, dtype=float)
    span = np.where(span > 0, span, 1.0)
    return (X - data_min) / span
