# mistake: Biases counted per input
# why: Each layer adds n_in biases instead of n_out, but a bias belongs to each output neuron, so the count is off whenever neighbouring layers differ in size.
# hint: For the layer 4 -> 1, how many neurons does it have, and so how many biases?
def count_parameters(layer_sizes):
    """layer_sizes [n_0, n_1, ..., n_L] -> number of weights and biases of the L layers (an int)."""
    return int(sum(n_in * n_out + n_in for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:])))
