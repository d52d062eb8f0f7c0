"""People's names as character sequences, from the 1990 US Census lists shipped by the `names` package."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

from labkit.data.dataset import Dataset
from labkit.data.validation import check_choice, check_int, check_seed
from labkit.data.vocab import Vocab

LISTS = {"male": "dist.male.first", "female": "dist.female.first", "last": "dist.all.last"}
KINDS = {"male": ("male",), "female": ("female",), "first": ("male", "female"), "last": ("last",),
         "all": ("male", "female", "last")}
TARGET_NAMES = ["male first name", "female first name", "last name"]


def names_folder() -> Path:
    """The folder of the installed ``names`` package, which holds the census lists."""
    spec = importlib.util.find_spec("names")
    if spec is None or spec.origin is None:
        raise ImportError("the `names` package is not installed; it ships the census name lists (pip install names).")
    return Path(spec.origin).parent


def read_census_list(which: str) -> tuple[list[str], np.ndarray]:
    """Names (lowercase, most frequent first) and their frequency in percent of the population."""
    which = check_choice("which", which, LISTS)
    names, freq = [], []
    with open(names_folder() / LISTS[which], encoding="ascii") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2:
                names.append(parts[0].lower())
                freq.append(float(parts[1]))
    return names, np.asarray(freq, dtype=np.float32)


def load_names(kind: str = "first", *, max_names: int | None = None, shuffle: bool = True, seed: int = 0) -> Dataset:
    """Names as padded character-id sequences for a character-level language model.

    kind: "first" (male and female first names, 5,163 unique), "male", "female",
        "last" (88,799 surnames), or "all".
    max_names: keep only the most frequent ``max_names`` of each list (None keeps all).
    shuffle: shuffle the rows with ``seed``.
    Returns X (N, L) int64 ids ``<s> c1 .. cn </s> <pad>..`` (L = longest name + 2),
    y (N,) int64 list label (0 male first, 1 female first, 2 last), and extras:
    "names" (list of lowercase strings), "vocab" (:class:`Vocab` with encode/decode),
    "frequency" (percent of the 1990 population carrying the name), "lengths".
    A first name on both lists is kept once, with the list where it is more common.
    """
    kind = check_choice("kind", kind, KINDS)
    seed = check_seed(seed)
    if max_names is not None:
        max_names = check_int("max_names", max_names, minimum=1)
    best: dict[tuple[str, bool], tuple[float, int]] = {}
    for label, which in enumerate(LISTS):
        if which not in KINDS[kind]:
            continue
        names, freq = read_census_list(which)
        for name, f in list(zip(names, freq))[:max_names]:
            key = (name, which == "last")
            if key not in best or f > best[key][0]:
                best[key] = (float(f), label)
    names = [key[0] for key in best]
    labels = np.asarray([best[key][1] for key in best], dtype=np.int64)
    frequency = np.asarray([best[key][0] for key in best], dtype=np.float32)
    if shuffle:
        order = np.random.default_rng(seed).permutation(len(names))
        names, labels, frequency = [names[i] for i in order], labels[order], frequency[order]
    vocab = Vocab("abcdefghijklmnopqrstuvwxyz", level="char")
    return Dataset(
        X=vocab.encode_batch(names),
        y=labels,
        feature_names=None,
        target_names=TARGET_NAMES,
        description=f"{len(names)} {kind} names from the 1990 US Census lists, as character ids",
        extras={
            "names": names,
            "vocab": vocab,
            "frequency": frequency,
            "lengths": np.asarray([len(n) for n in names], dtype=np.int64),
        },
        per_sample=("names", "frequency", "lengths"),
    )
