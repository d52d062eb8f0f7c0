# mistake: Clips p at the bottom only
# why: p is kept above eps but not below 1 - eps, so p = 1 makes log(1 - p) = log(0) = -inf, and 0 * -inf is nan even when y = 1.
# hint: Try p = [1.0] with y = [1]: the loss should be tiny, not nan. Which log breaks at p = 1, and what keeps p away from 1?
def binary_cross_entropy(p, y, eps=1e-12):
    """p (N,) probabilities of class 1, y (N,) targets in [0, 1] -> the mean BCE, a float."""
    p = np.maximum(np.asarray(p, dtype=float), eps)
    y = np.asarray(y, dtype=float)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))
