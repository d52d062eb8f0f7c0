from labkit.nn import Neuron


def weighted_sum(x, w, b):
    """x (n,) or (N, n), w (n,), b a number -> a number or (N,)."""
    return Neuron(w, b, activation="identity")(np.asarray(x, dtype=float))
