def dropout_forward(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    if not training:
        return x
    keep = rng.random(x.shape[-1]) >= p  # one mask per feature, shared by every example
    return x * keep / (1 - p)
