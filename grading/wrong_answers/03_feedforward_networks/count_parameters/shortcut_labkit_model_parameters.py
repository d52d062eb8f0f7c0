# mistake: Calls the library's model to count
# why: The exercise asks you to count from the layer sizes yourself; building a labkit Sequential model and counting its parameters hands the work to the library.
# hint: Only arithmetic is needed: for each pair of neighbouring sizes, weights plus biases, added up.
from labkit import nn


def count_parameters(layer_sizes):
    """layer_sizes [n_0, n_1, ..., n_L] -> number of weights and biases of the L layers (an int)."""
    model = nn.Sequential(*[nn.Linear(a, b) for a, b in zip(layer_sizes[:-1], layer_sizes[1:])])
    return int(sum(p.data.size for p in model.parameters()))
