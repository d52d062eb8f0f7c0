# mistake: Randomisation order reversed
# why: Entry k randomises the top L - k layers, so entry 0 is the fully random model and entry L the unchanged one, the reverse of the definition.
# hint: Entry 0 should be 1 (the unchanged copy): is it? Check which k you pass to randomize_top_layers.
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
    return np.array([similarity(original, explain(randomize_top_layers(model, n_layers - k), x, target)) for k in range(n_layers + 1)])  # from the input up
