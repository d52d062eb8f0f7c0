from labkit import augment as lib


def random_shift(images, k, seed=0):
    """images (N, H, W) -> (N, H, W), each image moved by its own random (dy, dx) in [-k, k], zero fill."""
    return lib.random_shift(np.asarray(images, dtype=float), max_shift=k, seed=seed)
