"""Offline datasets for NN Lab: shipped by installed packages or generated with a seed.

Every loader returns a :class:`Dataset` (X, y, feature_names, target_names,
description, extras) and takes a ``seed``; nothing is downloaded. Dataset
cards live in ``datasets/cards/``; ``datasets/README.md`` lists the loaders.
"""

from labkit.data.dataset import Dataset
from labkit.data.digits import load_digits
from labkit.data.loans import load_loans
from labkit.data.mnist1d import load_mnist1d
from labkit.data.names import load_names
from labkit.data.ratings import load_ratings
from labkit.data.spectrogram import hz_to_mel, mel_filterbank, mel_to_hz, spectrogram, spectrogram_frequencies
from labkit.data.split import train_val_test_split
from labkit.data.texts import load_texts
from labkit.data.time_series import load_time_series
from labkit.data.toy import load_toy, make_blobs, make_circles, make_moons, make_spirals, make_xor
from labkit.data.vocab import Vocab
from labkit.data.vowels import load_vowels



class UnknownDatasetError(KeyError):
    """``LOADERS[name]`` for a name that is not a dataset; the message lists those that are."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0])


class _Loaders(dict):
    """{name: loader}; an unknown name says which datasets exist (and the closest one)."""

    def __missing__(self, name):
        import difflib

        message = f"LOADERS has no dataset {name!r}; the datasets are {sorted(self)}."
        close = difflib.get_close_matches(str(name), list(self), n=1, cutoff=0.6)
        if close:
            message += f"\nHint: did you mean {close[0]!r}?"
        raise UnknownDatasetError(message)


LOADERS = _Loaders({
    "digits": load_digits,
    "mnist1d": load_mnist1d,
    "toy": load_toy,
    "names": load_names,
    "time_series": load_time_series,
    "vowels": load_vowels,
    "ratings": load_ratings,
    "texts": load_texts,
    "loans": load_loans,
})

__all__ = [
    "Dataset",
    "LOADERS",
    "UnknownDatasetError",
    "Vocab",
    "hz_to_mel",
    "load_digits",
    "load_loans",
    "load_mnist1d",
    "load_names",
    "load_ratings",
    "load_texts",
    "load_time_series",
    "load_toy",
    "load_vowels",
    "make_blobs",
    "make_circles",
    "make_moons",
    "make_spirals",
    "make_xor",
    "mel_filterbank",
    "mel_to_hz",
    "spectrogram",
    "spectrogram_frequencies",
    "train_val_test_split",
]
