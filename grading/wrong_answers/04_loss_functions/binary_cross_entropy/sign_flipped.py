# mistake: Sign flipped
# why: It returns the mean of y log p + (1 - y) log(1 - p) without the leading minus, so the loss is negative and grows better as predictions get worse.
# hint: Logs of probabilities are negative or zero; a loss should be at least 0. Is your result?
def binary_cross_entropy(p, y, eps=1e-12):
    """p (N,) probabilities of class 1, y (N,) targets in [0, 1] -> the mean BCE, a float."""
    p = np.clip(np.asarray(p, dtype=float), eps, 1.0 - eps)
    y = np.asarray(y, dtype=float)
    return float(np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))
