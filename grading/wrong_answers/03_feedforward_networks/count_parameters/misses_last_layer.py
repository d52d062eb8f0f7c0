# mistake: Misses the last layer
# why: The loop runs over len(layer_sizes) - 2 indices, so the last pair of sizes (the output layer) is never counted.
# hint: A list of L + 1 sizes has L layers; print the pairs your loop visits for [2, 4, 4, 1].
def count_parameters(layer_sizes):
    """layer_sizes [n_0, n_1, ..., n_L] -> number of weights and biases of the L layers (an int)."""
    total = 0
    for i in range(len(layer_sizes) - 2):
        total += layer_sizes[i] * layer_sizes[i + 1] + layer_sizes[i + 1]
    return total
