def mse(pred, target):
    """The sum-instead-of-mean mistake again, written with a dot product."""
    diff = (np.asarray(pred, dtype=float) - np.asarray(target, dtype=float)).ravel()
    return float(diff @ diff)
