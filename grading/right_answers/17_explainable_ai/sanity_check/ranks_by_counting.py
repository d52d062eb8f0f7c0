def sanity_check(model, explain, x, target):
    """Average ranks by counting: a value's rank is how many values are smaller, plus half its other ties."""
    def ranks(v):
        v = np.asarray(v)
        smaller = (v[None, :] < v[:, None]).sum(axis=1)
        ties = (v[None, :] == v[:, None]).sum(axis=1)
        return smaller + (ties - 1) / 2

    original = np.abs(np.asarray(explain(model, x, target).detach(), dtype=float)).reshape(len(x), -1)
    out = []
    for k in range(len(linear_layers(model)) + 1):
        other = np.abs(np.asarray(explain(randomize_top_layers(model, k), x, target).detach(), dtype=float)).reshape(len(x), -1)
        out.append(np.mean([np.corrcoef(ranks(u), ranks(v))[0, 1] for u, v in zip(original, other)]))
    return np.array(out)
