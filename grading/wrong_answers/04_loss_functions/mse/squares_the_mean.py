# mistake: Squares the mean difference
# why: It averages the differences first and squares that average, so positive and negative errors cancel before squaring.
# hint: Try pred = [1, -1], target = [0, 0]: the errors are clearly non-zero but their mean is 0. In which order do you square and average?
def mse(pred, target):
    """pred (N,) or (N, k), target of the same shape -> the mean squared error, a float."""
    diff = np.asarray(pred, dtype=float) - np.asarray(target, dtype=float)
    return float(np.mean(diff) ** 2)
