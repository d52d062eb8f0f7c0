# mistake: Whole batch correlated at once
# why: All examples' maps are flattened into one vector and correlated once, instead of correlating each example's map separately and averaging.
# hint: Reread the last part of the definition: the correlation is per example, then averaged.
def sanity_check(model, explain, x, target):
    """-> (L + 1,) mean Spearman correlation of |maps| of the model and of copies with the top k layers randomized."""
    def ranks(v):
        _, group, counts = np.unique(v, return_inverse=True, return_counts=True)  # groups of tied values, sorted
        first = np.cumsum(counts) - counts  # the first rank each group occupies
        return (first + (counts - 1) / 2)[group.ravel()]  # ties share the mean of their ranks

    def similarity(a, b):
        a = np.abs(np.asarray(a.detach(), dtype=float)).ravel()  # the whole batch as one vector
        b = np.abs(np.asarray(b.detach(), dtype=float)).ravel()
        return float(np.corrcoef(ranks(a), ranks(b))[0, 1])

    original = explain(model, x, target)
    n_layers = len(linear_layers(model))
    return np.array([similarity(original, explain(randomize_top_layers(model, k), x, target)) for k in range(n_layers + 1)])
