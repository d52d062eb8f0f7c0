# mistake: No clipping: log(0)
# why: Without clipping, p = 0 or p = 1 puts log(0) = -inf into the sum, so the loss is inf or nan (0 times -inf).
# hint: Try p = [0.0], y = [1] and p = [1.0], y = [1]: both should give finite numbers. What should happen to p before the logs?
def binary_cross_entropy(p, y, eps=1e-12):
    """p (N,) probabilities of class 1, y (N,) targets in [0, 1] -> the mean BCE, a float."""
    p = np.asarray(p, dtype=float)
    y = np.asarray(y, dtype=float)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))
