def count_parameters(layer_sizes):
    """layer_sizes [n_0, n_1, ..., n_L] -> number of weights and biases of the L layers (an int)."""
    total = 0
    for i in range(len(layer_sizes) - 2):
        total += layer_sizes[i] * layer_sizes[i + 1] + layer_sizes[i + 1]
    return total
