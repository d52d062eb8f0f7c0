"""Random (optionally stratified) train / validation / test splits."""

from __future__ import annotations

import numpy as np

from labkit.data.validation import check_float, check_seed


def split_indices(
    n_samples: int,
    y: np.ndarray | None = None,
    *,
    val: float = 0.0,
    test: float = 0.2,
    stratify: bool = True,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shuffle ``range(n_samples)`` into train, validation and test index arrays.

    n_samples: number of rows. y: (n_samples,) labels used when ``stratify`` is True,
    so every class keeps (to within one sample) the same share in each split.
    val, test: fractions in [0, 1) with val + test < 1. Returns three int64 arrays.
    """
    val = check_float("val", val, 0.0, 1.0, inclusive_max=False)
    test = check_float("test", test, 0.0, 1.0, inclusive_max=False)
    if val + test >= 1.0:
        raise ValueError(f"val + test must be < 1 so that training data remains, got val={val}, test={test}.")
    seed = check_seed(seed)
    rng = np.random.default_rng(seed)
    if y is not None:
        y = np.asarray(y)
        if y.ndim == 0 or len(y) != n_samples:
            raise ValueError(f"y must have one label per sample ({n_samples}), got shape {y.shape}.")
    if stratify and y is not None:
        groups = _class_groups(y)
    else:
        groups = [np.arange(n_samples)]
    parts: tuple[list, list, list] = ([], [], [])
    for members in groups:
        members = rng.permutation(members)
        n_test = int(round(len(members) * test))
        n_val = int(round(len(members) * val))
        parts[2].append(members[:n_test])
        parts[1].append(members[n_test : n_test + n_val])
        parts[0].append(members[n_test + n_val :])
    return tuple(rng.permutation(np.concatenate(p)).astype(np.int64) for p in parts)  # type: ignore[return-value]


def train_val_test_split(
    X: np.ndarray,
    y: np.ndarray | None = None,
    *,
    val: float = 0.1,
    test: float = 0.2,
    stratify: bool = True,
    seed: int = 0,
) -> tuple[np.ndarray, ...]:
    """Split X (N, ...) and y (N,) into train / validation / test parts.

    Returns ``X_train, X_val, X_test, y_train, y_val, y_test`` (or just the three
    X parts when y is None), like scikit-learn's ``train_test_split`` with one more
    split. With ``stratify=True`` each class keeps its share in every split.
    val=0 gives empty validation arrays.
    """
    X = np.asarray(X)
    if X.ndim == 0:
        raise ValueError(f"X must have a first axis of samples, got a scalar {X!r}.")
    if y is not None:
        y = np.asarray(y)
        if len(y) != len(X):
            raise ValueError(
                f"X and y must have the same number of rows, got X {X.shape} and y {y.shape}. "
                "Did you pass the labels of another split?"
            )
    train, valid, tst = split_indices(len(X), y, val=val, test=test, stratify=stratify, seed=seed)
    if y is None:
        return X[train], X[valid], X[tst]
    return X[train], X[valid], X[tst], y[train], y[valid], y[tst]


def _class_groups(y: np.ndarray) -> list[np.ndarray]:
    if y.ndim != 1:
        raise ValueError(f"stratify=True needs y of shape (N,), got {y.shape}; pass stratify=False.")
    if np.issubdtype(y.dtype, np.floating):
        if not np.all(np.isfinite(y)) or not np.all(y == np.round(y)):
            raise ValueError(
                "stratify=True needs class labels, but y holds non-integer floats "
                "(a regression target?). Pass stratify=False."
            )
    classes, inverse = np.unique(y, return_inverse=True)
    return [np.flatnonzero(inverse == k) for k in range(len(classes))]
