# mistake: Forgot the biases
# why: It counts the weights of each layer (n_in times n_out) but not the one bias each output neuron has.
# hint: The check's difference equals the number of non-input neurons; what does every neuron carry besides its weights?
def count_parameters(layer_sizes):
    """layer_sizes [n_0, n_1, ..., n_L] -> number of weights and biases of the L layers (an int)."""
    return int(sum(n_in * n_out for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:])))
