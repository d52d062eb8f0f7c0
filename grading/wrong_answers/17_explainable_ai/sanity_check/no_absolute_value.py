# mistake: Signed maps compared
# why: The maps are ranked with their signs, but the exercise compares the absolute attributions, where only the size of an attribution matters.
# hint: Reread which values are ranked: the attributions, or their magnitudes?
def sanity_check(model, explain, x, target):
    """-> (L + 1,) mean Spearman correlation of |maps| of the model and of copies with the top k layers randomized."""
    def ranks(v):
        _, group, counts = np.unique(v, return_inverse=True, return_counts=True)  # groups of tied values, sorted
        first = np.cumsum(counts) - counts  # the first rank each group occupies
        return (first + (counts - 1) / 2)[group.ravel()]  # ties share the mean of their ranks

    def similarity(a, b):
        a = np.asarray(a.detach(), dtype=float).reshape(len(a), -1)  # signed maps
        b = np.asarray(b.detach(), dtype=float).reshape(len(b), -1)
        return float(np.mean([np.corrcoef(ranks(u), ranks(v))[0, 1] for u, v in zip(a, b)]))

    original = explain(model, x, target)
    n_layers = len(linear_layers(model))
    return np.array([similarity(original, explain(randomize_top_layers(model, k), x, target)) for k in range(n_layers + 1)])
