# mistake: Calls the library's random_shift
# why: The exercise asks for your own random shift written with NumPy; labkit.augment.random_shift does it for you.
# hint: A zero array, one generator, and a slice copy per image, as the exercise's hint describes.
from labkit import augment as lib


def random_shift(images, k, seed=0):
    """images (N, H, W) -> (N, H, W), each image moved by its own random (dy, dx) in [-k, k], zero fill."""
    return lib.random_shift(np.asarray(images, dtype=float), max_shift=k, seed=seed)
