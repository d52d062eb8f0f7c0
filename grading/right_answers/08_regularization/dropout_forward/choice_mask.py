def dropout_forward(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    if not training:
        return x.copy()
    mask = rng.choice([0.0, 1.0 / (1.0 - p)], size=x.shape, p=[p, 1.0 - p])
    return x * mask
