# mistake: Square root taken (RMSE)
# why: It takes the square root of the mean squared error, which is the root-mean-squared error, not the MSE.
# hint: Compare your result with the expected one: yours squared equals it. Is there an extra step at the end?
def mse(pred, target):
    """pred (N,) or (N, k), target of the same shape -> the mean squared error, a float."""
    diff = np.asarray(pred, dtype=float) - np.asarray(target, dtype=float)
    return float(np.sqrt(np.mean(diff ** 2)))
