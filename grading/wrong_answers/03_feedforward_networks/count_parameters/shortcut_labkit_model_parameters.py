from labkit import nn


def count_parameters(layer_sizes):
    """layer_sizes [n_0, n_1, ..., n_L] -> number of weights and biases of the L layers (an int)."""
    model = nn.Sequential(*[nn.Linear(a, b) for a, b in zip(layer_sizes[:-1], layer_sizes[1:])])
    return int(sum(p.data.size for p in model.parameters()))
