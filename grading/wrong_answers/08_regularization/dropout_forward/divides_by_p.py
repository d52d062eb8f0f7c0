def dropout_forward(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    if not training:
        return x
    return x * (rng.random(x.shape) >= p) / p
