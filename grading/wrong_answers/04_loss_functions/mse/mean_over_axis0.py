# mistake: Mean over axis 0 only
# why: np.mean(..., axis=0) averages down the columns, so a matrix input gives one value per column instead of one number.
# hint: The MSE is a single number; what happens to a (2, 2) array when you average along one axis only?
def mse(pred, target):
    """pred (N,) or (N, k), target of the same shape -> the mean squared error, a float."""
    diff = np.asarray(pred, dtype=float) - np.asarray(target, dtype=float)
    return np.mean(diff ** 2, axis=0)
