from labkit.nn import MSELoss


def mse(pred, target):
    """pred (N,) or (N, k), target of the same shape -> the mean squared error, a float."""
    return float(MSELoss()(np.asarray(pred, dtype=float), np.asarray(target, dtype=float)))
