# mistake: Every coalition weighted the same
# why: The marginal contributions are averaged over the 2^(n-1) coalitions with equal weights; the Shapley weight |S|! (n - |S| - 1)! / n! is the share of the n! orders in which exactly S comes before the feature, and it is larger for very small and very large coalitions.
# hint: In how many of the n! orders do exactly the players of S come before player i?
def shapley_values(value, n_features):
    """value: coalition (tuple of indices) -> float; -> (n_features,) exact Shapley values."""
    import itertools
    import math

    phi = np.zeros(n_features)
    for i in range(n_features):
        others = [j for j in range(n_features) if j != i]
        for size in range(n_features):
            weight = 1 / 2 ** (n_features - 1)
            for coalition in itertools.combinations(others, size):
                with_i = tuple(sorted(coalition + (i,)))
                phi[i] += weight * (value(with_i) - value(coalition))
    return phi
