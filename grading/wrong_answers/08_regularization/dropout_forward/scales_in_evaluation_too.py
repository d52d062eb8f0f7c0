def dropout_forward(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    if not training:
        return x * (1 - p)  # the old, non-inverted habit, on top of inverted scaling
    return x * (rng.random(x.shape) >= p) / (1 - p)
