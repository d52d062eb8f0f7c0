def mse(pred, target):
    """The absolute-error mistake again, written as a Python loop over the entries."""
    total, count = 0.0, 0
    for p, t in zip(np.ravel(pred), np.ravel(target)):
        total += abs(float(p) - float(t))
        count += 1
    return total / count
