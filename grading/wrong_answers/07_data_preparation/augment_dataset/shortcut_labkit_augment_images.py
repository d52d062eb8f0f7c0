# mistake: Calls the library's augmentation
# why: The exercise asks you to build the augmented set from your own random_shift; labkit.augment.random_shift shifts the images for you.
# hint: Call your random_shift from Exercise 4, once per copy, with one shared generator.
import importlib


def augment_dataset(images, labels, copies, k=1, seed=0):
    """images (N, H, W), labels (N,) -> ((N * (copies + 1), H, W), (N * (copies + 1),))."""
    lib = importlib.import_module("labkit.augment")
    images = np.asarray(images, dtype=float)
    extra = [lib.random_shift(images, max_shift=k, seed=seed + i) for i in range(copies)]
    return np.concatenate([images] + extra), np.concatenate([np.asarray(labels)] * (copies + 1))
