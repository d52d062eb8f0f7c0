def count_parameters(layer_sizes):
    """layer_sizes [n_0, n_1, ..., n_L] -> number of weights and biases of the L layers (an int)."""
    return int(sum(layer_sizes))
