def dropout_forward(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    if not training:
        return x
    keep = rng.binomial(1, 1.0 - p, size=x.shape)  # another way to draw the mask: still right
    return x * keep / (1.0 - p)
