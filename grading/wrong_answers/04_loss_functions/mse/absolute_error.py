# mistake: Absolute error, not squared
# why: It averages |pred - target| (the mean absolute error) instead of the squared differences.
# hint: With errors 0, 0 and 2, the MSE is 4/3, not 2/3; which operation did you apply to each difference?
def mse(pred, target):
    """pred (N,) or (N, k), target of the same shape -> the mean squared error, a float."""
    diff = np.asarray(pred, dtype=float) - np.asarray(target, dtype=float)
    return float(np.mean(np.abs(diff)))
