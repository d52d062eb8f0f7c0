# mistake: Ignores the eps argument
# why: It clips with the fixed number 1e-12 instead of the eps it was given, so a caller's eps (for example 1e-3) has no effect.
# hint: Call it with eps=1e-3 and p = [0.0], y = [1]: the loss should be -log(1e-3). Look for a hard-coded number.
def binary_cross_entropy(p, y, eps=1e-12):
    """p (N,) probabilities of class 1, y (N,) targets in [0, 1] -> the mean BCE, a float."""
    p = np.clip(np.asarray(p, dtype=float), 1e-12, 1.0 - 1e-12)
    y = np.asarray(y, dtype=float)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))
