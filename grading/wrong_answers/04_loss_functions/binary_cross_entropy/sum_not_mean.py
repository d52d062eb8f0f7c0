# mistake: Sum instead of mean
# why: It sums the per-example losses instead of averaging them, so the loss grows with the number of examples (twice too big for two).
# hint: Double the batch by repeating it: the loss should stay the same. Does yours?
def binary_cross_entropy(p, y, eps=1e-12):
    """p (N,) probabilities of class 1, y (N,) targets in [0, 1] -> the mean BCE, a float."""
    p = np.clip(np.asarray(p, dtype=float), eps, 1.0 - eps)
    y = np.asarray(y, dtype=float)
    return float(-np.sum(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))
