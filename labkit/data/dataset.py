"""`Dataset`: the one shape every labkit loader returns."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from labkit.data.split import split_indices


@dataclass(frozen=True, eq=False)
class Dataset:
    """Arrays plus what a learner needs to read them.

    X: (N, ...) float32 features, or int64 token ids for sequences.
    y: (N,) int64 class labels, (N, ...) float32 targets, or None.
    feature_names: a name per feature (the last axis of X: columns of a table,
        channels of a sequence) or None.
    target_names: a name per class (index = label) or None.
    description: one line saying what the data is.
    extras: anything else (raw strings, sampling rate, group attribute, ...).
    per_sample: the keys of ``extras`` holding one entry per row; ``split`` and
        ``subset`` slice them together with X and y.
    """

    X: np.ndarray
    y: np.ndarray | None = None
    feature_names: list[str] | None = None
    target_names: list[str] | None = None
    description: str = ""
    extras: dict[str, Any] = field(default_factory=dict)
    per_sample: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        n = len(self.X)
        if self.y is not None and len(self.y) != n:
            raise ValueError(f"Dataset: X has {n} rows but y has {len(self.y)}; they must match.")
        for key in self.per_sample:
            if key not in self.extras:
                raise ValueError(f"Dataset: per_sample names {key!r}, which is not a key of extras {list(self.extras)}.")
            if len(self.extras[key]) != n:
                raise ValueError(f"Dataset: extras[{key!r}] has {len(self.extras[key])} entries, X has {n} rows.")

    def __len__(self) -> int:
        return len(self.X)

    def __repr__(self) -> str:
        y = "None" if self.y is None else f"{self.y.dtype}{tuple(self.y.shape)}"
        return (
            f"Dataset({self.description!r}, X={self.X.dtype}{tuple(self.X.shape)}, y={y}, "
            f"extras={sorted(self.extras)})"
        )

    @property
    def n_classes(self) -> int | None:
        """Number of classes when y holds labels, else None."""
        return None if self.target_names is None else len(self.target_names)

    def subset(self, indices: np.ndarray) -> "Dataset":
        """The rows ``indices`` (int array or boolean mask of length N) with their per-sample extras."""
        indices = np.asarray(indices)
        if indices.dtype == bool:
            if indices.shape != (len(self),):
                raise ValueError(f"a boolean mask must have shape ({len(self)},), got {indices.shape}.")
            indices = np.flatnonzero(indices)
        extras = dict(self.extras)
        for key in self.per_sample:
            value = extras[key]
            extras[key] = value[indices] if isinstance(value, np.ndarray) else [value[i] for i in indices]
        return replace(
            self,
            X=self.X[indices],
            y=None if self.y is None else self.y[indices],
            extras=extras,
        )

    def split(
        self, test: float = 0.2, val: float = 0.0, *, stratify: bool | None = None, seed: int = 0
    ) -> tuple["Dataset", ...]:
        """Random split: ``(train, test)``, or ``(train, val, test)`` when ``val > 0``.

        stratify: keep class shares in every split; None means "when y holds class labels".
        """
        if stratify is None:
            stratify = self.y is not None and self.target_names is not None
        train, valid, tst = split_indices(len(self), self.y, val=val, test=test, stratify=stratify, seed=seed)
        if val > 0:
            return self.subset(train), self.subset(valid), self.subset(tst)
        return self.subset(train), self.subset(tst)

    def to_torch(self):
        """A ``torch.utils.data.TensorDataset`` of (X, y), or of (X,) when y is None.

        Floats become float32, integer labels / token ids int64.
        """
        import torch
        from torch.utils.data import TensorDataset

        tensors = [_as_tensor(torch, self.X)]
        if self.y is not None:
            tensors.append(_as_tensor(torch, self.y))
        return TensorDataset(*tensors)


def _as_tensor(torch, array: np.ndarray):
    array = np.ascontiguousarray(array)
    if np.issubdtype(array.dtype, np.floating):
        return torch.from_numpy(array.astype(np.float32, copy=False))
    if np.issubdtype(array.dtype, np.integer) or array.dtype == bool:
        return torch.from_numpy(array.astype(np.int64, copy=False))
    raise TypeError(f"to_torch() cannot convert an array of dtype {array.dtype}; expected numbers.")
