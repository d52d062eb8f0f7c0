# mistake: Divides by max, not the range
# why: It divides x - data_min by data_max instead of by data_max - data_min, so data_max maps below b whenever data_min is not 0.
# hint: Scale the training maximum itself: it should land exactly on b. What is the width of the training range?
def min_max_scale(X, data_min, data_max, feature_range=(0.0, 1.0)):
    X = np.asarray(X, dtype=float)
    low, high = feature_range
    span = np.where(np.asarray(data_max, dtype=float) != 0, data_max, 1.0)
    return low + (high - low) * (X - data_min) / span
