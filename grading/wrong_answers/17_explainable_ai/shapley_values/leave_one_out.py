# mistake: Leave-one-out instead of Shapley
# why: Only the coalition of all the other features is used, v(N) - v(N without i); Shapley averages the contribution over every coalition the feature could join.
# hint: Which coalitions S does your sum visit for each feature?
def shapley_values(value, n_features):
    """value: coalition (tuple of indices) -> float; -> (n_features,) exact Shapley values."""
    import itertools
    import math

    phi = np.zeros(n_features)
    for i in range(n_features):
        others = [j for j in range(n_features) if j != i]
        for size in [n_features - 1]:
            weight = 1.0
            for coalition in itertools.combinations(others, size):
                with_i = tuple(sorted(coalition + (i,)))
                phi[i] += weight * (value(with_i) - value(coalition))
    return phi
