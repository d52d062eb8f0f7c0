def random_shift(images, k, seed=0):
    images = np.asarray(images)
    rng = np.random.default_rng(seed)
    shifts = rng.integers(-k, k + 1, size=(len(images), 2))
    return np.stack([np.roll(img, (dy, dx), axis=(0, 1)) for img, (dy, dx) in zip(images, shifts)])
