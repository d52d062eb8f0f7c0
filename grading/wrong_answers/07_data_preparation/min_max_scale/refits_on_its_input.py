# mistake: Refits on its own input
# why: It recomputes min and max from X and ignores data_min and data_max, so a new split is scaled by its own range instead of the training range (a leak, and new rows all land in [a, b]).
# hint: Scale a single new row: every entry becomes a. Use the statistics you are given, never ones computed from X.
def min_max_scale(X, data_min, data_max, feature_range=(0.0, 1.0)):
    X = np.asarray(X, dtype=float)
    low, high = feature_range
    data_min, data_max = X.min(axis=0), X.max(axis=0)  # the statistics of whatever split comes in
    span = np.where(data_max - data_min > 0, data_max - data_min, 1.0)
    return low + (high - low) * (X - data_min) / span
