import itertools


def shapley_values(value, n_features):
    """The definition itself: average the marginal contributions over all n! orders (fine for a few features)."""
    phi = np.zeros(n_features)
    orders = list(itertools.permutations(range(n_features)))
    for order in orders:
        for k, i in enumerate(order):
            phi[i] += value(tuple(sorted(order[:k + 1]))) - value(tuple(sorted(order[:k])))
    return phi / len(orders)
