import labkit.nn as library


def neuron_output(x, w, b, activation="step"):
    """x (n,) or (N, n) -> the neuron's output, a number or (N,)."""
    return library.Neuron(w, b, activation=activation)(np.asarray(x, dtype=float))
