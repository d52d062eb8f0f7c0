# mistake: Calls the library's Neuron
# why: The exercise asks for your own weighted sum w·x + b written with NumPy; labkit.nn.Neuron computes it for you.
# hint: NumPy's matrix product @ and one addition are all you need.
from labkit.nn import Neuron


def weighted_sum(x, w, b):
    """x (n,) or (N, n), w (n,), b a number -> a number or (N,)."""
    return Neuron(w, b, activation="identity")(np.asarray(x, dtype=float))
