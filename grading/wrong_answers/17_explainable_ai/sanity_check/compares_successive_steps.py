# mistake: Compares successive steps, not the original
# why: Each randomised model's maps are compared with the previous step's maps, not with the original model's, so the curve does not show how far the maps drift from the original.
# hint: Which maps should every entry be compared with? Reread the definition of entry k.
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
    maps = [explain(randomize_top_layers(model, k), x, target) for k in range(n_layers + 1)]
    return np.array([1.0] + [similarity(maps[k - 1], maps[k]) for k in range(1, n_layers + 1)])  # step by step
