# mistake: Calls the library's Neuron
# why: The exercise asks for your own neuron (your weighted_sum, then the activation); calling labkit.nn.Neuron hands the work to the library.
# hint: Use your weighted_sum from Exercise 1 and NumPy (np.where, np.exp) for the two activations.
import labkit.nn as library


def neuron_output(x, w, b, activation="step"):
    """x (n,) or (N, n) -> the neuron's output, a number or (N,)."""
    return library.Neuron(w, b, activation=activation)(np.asarray(x, dtype=float))
