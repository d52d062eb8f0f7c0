# mistake: Sum instead of mean
# why: It returns the sum of the squared errors, not their mean, so the loss grows with the number of entries.
# hint: The expected value is your result divided by the number of entries; which step is missing?
def mse(pred, target):
    """pred (N,) or (N, k), target of the same shape -> the mean squared error, a float."""
    diff = np.asarray(pred, dtype=float) - np.asarray(target, dtype=float)
    return float(np.sum(diff ** 2))
