# mistake: Calls the library's labkit shapley_values
# why: The exercise asks for your own Shapley values by enumerating the coalitions; labkit.explain.shapley_values computes them for you, so the check refuses it.
# hint: For each feature, loop over the sizes and the coalitions of the other features (itertools.combinations), weight each marginal contribution, and add them up.
from labkit.explain import shapley_values as _library


def shapley_values(value, n_features):
    """labkit's exact Shapley values."""
    return _library(value, n_features)
