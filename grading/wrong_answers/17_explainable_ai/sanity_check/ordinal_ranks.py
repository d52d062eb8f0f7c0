# mistake: Ordinal ranks for tied values
# why: argsort of argsort ranks tied values 0, 1, 2, ... in the order they appear in the array, an order the map does not have; Spearman's rho gives tied values the mean of the ranks they occupy, and attribution maps are full of ties (every blank pixel).
# hint: Try your ranking on (0.5, 0, 0, 0.2): should the two zeros get different ranks?
def sanity_check(model, explain, x, target):
    """-> (L + 1,) mean Spearman correlation of |maps| of the model and of copies with the top k layers randomized."""
    def ranks(v):
        return np.argsort(np.argsort(v))  # ordinal ranks: ties ranked in the order they appear

    def similarity(a, b):
        a = np.abs(np.asarray(a.detach(), dtype=float)).reshape(len(a), -1)
        b = np.abs(np.asarray(b.detach(), dtype=float)).reshape(len(b), -1)
        return float(np.mean([np.corrcoef(ranks(u), ranks(v))[0, 1] for u, v in zip(a, b)]))

    original = explain(model, x, target)
    n_layers = len(linear_layers(model))
    return np.array([similarity(original, explain(randomize_top_layers(model, k), x, target)) for k in range(n_layers + 1)])
