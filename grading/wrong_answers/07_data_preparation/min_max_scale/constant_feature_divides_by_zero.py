# mistake: Constant feature divides by zero
# why: Where data_max equals data_min the range is 0, so the division gives nan (or inf) for that feature; the exercise says to divide by 1 there.
# hint: Try a feature that is constant in the training data: is your output finite? What should the range be replaced by?
def min_max_scale(X, data_min, data_max, feature_range=(0.0, 1.0)):
    X = np.asarray(X, dtype=float)
    low, high = feature_range
    with np.errstate(divide="ignore", invalid="ignore"):
        return low + (high - low) * (X - data_min) / (np.asarray(data_max, dtype=float) - data_min)
