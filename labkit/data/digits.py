"""scikit-learn's 8x8 handwritten digits (shipped with scikit-learn, no download)."""

from __future__ import annotations

import numpy as np

from labkit.data.dataset import Dataset
from labkit.data.validation import check_seed


def load_digits(*, images: bool = False, shuffle: bool = False, seed: int = 0) -> Dataset:
    """1,797 handwritten digits, 8x8 pixels, scaled to [0, 1].

    images: False gives X (1797, 64) flat rows; True gives X (1797, 1, 8, 8) for CNNs.
        Either way ``extras["images"]`` holds the (1797, 1, 8, 8) version.
    shuffle: reorder the rows with ``seed`` (the original order follows the writers).
    Returns a Dataset with y (1797,) int64 in 0..9, target_names "0".."9",
    feature_names "pixel_r_c" for the flat layout.
    """
    from sklearn.datasets import load_digits as sklearn_load_digits

    if not isinstance(images, bool):
        raise TypeError(f"images must be True or False, got {images!r}.")
    seed = check_seed(seed)
    bunch = sklearn_load_digits()
    flat = (bunch.data / 16.0).astype(np.float32)  # (N, 64), pixel values 0..16 -> 0..1
    labels = bunch.target.astype(np.int64)
    if shuffle:
        order = np.random.default_rng(seed).permutation(len(labels))
        flat, labels = flat[order], labels[order]
    cube = flat.reshape(-1, 1, 8, 8)  # (N, 1, 8, 8)
    return Dataset(
        X=cube.copy() if images else flat,
        y=labels,
        feature_names=None if images else [f"pixel_{r}_{c}" for r in range(8) for c in range(8)],
        target_names=[str(d) for d in range(10)],
        description="8x8 handwritten digits 0-9 (scikit-learn / UCI optdigits), pixels in [0, 1]",
        extras={"images": cube},
        per_sample=("images",),
    )
