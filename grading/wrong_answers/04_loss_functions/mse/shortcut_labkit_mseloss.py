# mistake: Calls the library's MSELoss
# why: The exercise asks for your own mean squared error written with NumPy; labkit.nn.MSELoss computes it for you.
# hint: A difference, a square and np.mean are all you need.
from labkit.nn import MSELoss


def mse(pred, target):
    """pred (N,) or (N, k), target of the same shape -> the mean squared error, a float."""
    return float(MSELoss()(np.asarray(pred, dtype=float), np.asarray(target, dtype=float)))
