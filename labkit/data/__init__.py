"""Offline datasets for NN Lab: shipped by installed packages or generated with a seed.

Every loader returns a :class:`Dataset` (X, y, feature_names, target_names,
description, extras) and takes a ``seed``; nothing is downloaded. Dataset
cards live in ``datasets/cards/``; see ``datasets/README.md`` for the list.
"""

from labkit.data.dataset import Dataset
from labkit.data.digits import load_digits
from labkit.data.split import train_val_test_split
from labkit.data.toy import load_toy, make_blobs, make_circles, make_moons, make_spirals, make_xor

__all__ = [
    "Dataset",
    "load_digits",
    "load_toy",
    "make_blobs",
    "make_circles",
    "make_moons",
    "make_spirals",
    "make_xor",
    "train_val_test_split",
]
