# mistake: Weights not divided by n!
# why: |S|! (n - |S| - 1)! counts the orders in which S comes first; without dividing by the n! orders the values are n! times too large and no longer add up to v(N) - v(empty).
# hint: Do your values add up to v(all features) - v(no feature)?
def shapley_values(value, n_features):
    """value: coalition (tuple of indices) -> float; -> (n_features,) exact Shapley values."""
    import itertools
    import math

    phi = np.zeros(n_features)
    for i in range(n_features):
        others = [j for j in range(n_features) if j != i]
        for size in range(n_features):
            weight = math.factorial(size) * math.factorial(n_features - size - 1)
            for coalition in itertools.combinations(others, size):
                with_i = tuple(sorted(coalition + (i,)))
                phi[i] += weight * (value(with_i) - value(coalition))
    return phi
