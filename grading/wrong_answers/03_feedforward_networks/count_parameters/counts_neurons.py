# mistake: Counts neurons, not parameters
# why: It adds up the layer sizes (the number of neurons), but the parameters are the weights and biases between the layers.
# hint: Count the parameters of [2, 4, 1] by hand: a weight for every input-output pair of each layer, and a bias per output.
def count_parameters(layer_sizes):
    """layer_sizes [n_0, n_1, ..., n_L] -> number of weights and biases of the L layers (an int)."""
    return int(sum(layer_sizes))
