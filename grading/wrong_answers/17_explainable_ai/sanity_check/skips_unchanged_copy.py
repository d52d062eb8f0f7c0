# mistake: Entry for the unchanged copy missing
# why: k runs from 1, so the result has L entries instead of L + 1; entry 0, the unchanged copy, is missing.
# hint: Count your entries: for 3 linear layers there should be 4, starting with k = 0.
def sanity_check(model, explain, x, target):
    """-> (L + 1,) mean Spearman correlation of |maps| of the model and of copies with the top k layers randomized."""
    def ranks(v):
        _, group, counts = np.unique(v, return_inverse=True, return_counts=True)  # groups of tied values, sorted
        first = np.cumsum(counts) - counts  # the first rank each group occupies
        return (first + (counts - 1) / 2)[group.ravel()]  # ties share the mean of their ranks

    def similarity(a, b):
        a = np.abs(np.asarray(a.detach(), dtype=float)).reshape(len(a), -1)
        b = np.abs(np.asarray(b.detach(), dtype=float)).reshape(len(b), -1)
        return float(np.mean([np.corrcoef(ranks(u), ranks(v))[0, 1] for u, v in zip(a, b)]))

    original = explain(model, x, target)
    n_layers = len(linear_layers(model))
    return np.array([similarity(original, explain(randomize_top_layers(model, k), x, target)) for k in range(1, n_layers + 1)])  # skips k = 0
