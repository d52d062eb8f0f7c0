"""Turn what the learner passes as data into minibatches, shuffled with a seeded generator.

Accepted forms of ``train_data`` / ``val_data``:

- a pair ``(X, y)`` of NumPy arrays (or torch tensors) with the same first dimension,
- a ``labkit.data.Dataset`` (anything with ``.X`` and ``.y`` attributes),
- a ``torch.utils.data.Dataset`` (items are ``(x, y)`` pairs) or a ready ``DataLoader``.
"""

from __future__ import annotations

from typing import Iterator

import numpy as np

from labkit.errors import ShapeError


class ArrayData:
    """Inputs ``X`` (N, ...) and targets ``y`` (N, ...) held in memory (NumPy or torch)."""

    def __init__(self, X, y, name: str = "train_data") -> None:
        if X is None or y is None:
            raise ValueError(f"{name} needs inputs and targets, got X={type(X).__name__}, y={type(y).__name__}.")
        if not hasattr(X, "shape"):
            X = np.asarray(X)
        if not hasattr(y, "shape"):
            y = np.asarray(y)
        if len(X.shape) == 0 or len(y.shape) == 0:
            raise ShapeError(f"{name}: X and y must be arrays with one row per example, got shapes {X.shape}, {y.shape}.")
        if X.shape[0] != y.shape[0]:
            raise ShapeError(
                f"{name}: X has {X.shape[0]} examples (shape {tuple(X.shape)}) but y has {y.shape[0]} "
                f"(shape {tuple(y.shape)}). They need one target per example: check the split or the slicing."
            )
        if X.shape[0] == 0:
            raise ValueError(f"{name} is empty (0 examples).")
        self.X, self.y, self.name = X, y, name

    def __len__(self) -> int:
        return int(self.X.shape[0])

    def batches(self, batch_size: int, rng: np.random.Generator | None) -> Iterator[tuple[object, object]]:
        """Yield ``(X[idx], y[idx])`` minibatches; shuffled by ``rng``, in order when it is None."""
        n = len(self)
        if rng is None:
            for start in range(0, n, batch_size):
                yield self.X[start : start + batch_size], self.y[start : start + batch_size]
            return
        order = rng.permutation(n)
        if not isinstance(self.X, np.ndarray):  # torch tensors index with a tensor
            import torch

            order = torch.as_tensor(order, device=self.X.device)
        for start in range(0, n, batch_size):
            index = order[start : start + batch_size]
            yield self.X[index], self.y[index]


class LoaderData:
    """A ``torch.utils.data.Dataset`` (batched by a DataLoader) or a ready ``DataLoader``."""

    def __init__(self, source, name: str = "train_data") -> None:
        self.source, self.name = source, name
        self._loaders: dict[tuple[int, bool], object] = {}

    def __len__(self) -> int:
        dataset = getattr(self.source, "dataset", self.source)
        return len(dataset)

    def batches(self, batch_size: int, rng: np.random.Generator | None) -> Iterator[tuple[object, object]]:
        import torch
        from torch.utils.data import DataLoader

        if isinstance(self.source, DataLoader):
            loader = self.source
        else:
            key = (batch_size, rng is not None)
            if key not in self._loaders:
                generator = None
                if rng is not None:  # one torch generator, seeded once from rng: each epoch a new order
                    generator = torch.Generator().manual_seed(int(rng.integers(2**31)))
                self._loaders[key] = DataLoader(
                    self.source, batch_size=batch_size, shuffle=rng is not None, generator=generator
                )
            loader = self._loaders[key]
        for batch in loader:
            if not isinstance(batch, (tuple, list)) or len(batch) != 2:
                raise ValueError(
                    f"{self.name}: each item of a torch Dataset must be an (x, y) pair, got "
                    f"{type(batch).__name__} of length {len(batch) if hasattr(batch, '__len__') else '?'}."
                )
            yield batch[0], batch[1]

    def to_arrays(self) -> ArrayData:
        """All items stacked into NumPy arrays (for labkit.nn models)."""
        dataset = getattr(self.source, "dataset", self.source)
        pairs = [dataset[i] for i in range(len(dataset))]
        X = np.stack([np.asarray(_numpy(x)) for x, _ in pairs])
        y = np.stack([np.asarray(_numpy(t)) for _, t in pairs])
        return ArrayData(X, y, self.name)


def _numpy(value):
    return value.detach().cpu().numpy() if hasattr(value, "detach") else value


def as_data(data, name: str = "train_data") -> ArrayData | LoaderData:
    """Wrap any accepted form of data (see the module docstring)."""
    if isinstance(data, (ArrayData, LoaderData)):
        return data
    if isinstance(data, (tuple, list)):
        if len(data) != 2:
            raise ValueError(f"{name} as a tuple must be (X, y), got a {type(data).__name__} of length {len(data)}.")
        return ArrayData(data[0], data[1], name)
    if hasattr(data, "X") and hasattr(data, "y"):  # labkit.data.Dataset
        return ArrayData(data.X, data.y, name)
    try:
        from torch.utils.data import DataLoader, Dataset
    except ImportError:
        DataLoader = Dataset = ()
    if isinstance(data, (Dataset, DataLoader)):
        return LoaderData(data, name)
    raise TypeError(
        f"{name} must be (X, y) arrays, a labkit.data.Dataset or a torch Dataset/DataLoader; "
        f"got {type(data).__name__}."
    )


def minibatch_indices(n: int, batch_size: int, rng: np.random.Generator) -> Iterator[np.ndarray]:
    """n examples -> index arrays (int) of at most ``batch_size``, a shuffle of 0..n-1 cut in order.

    The order ``ArrayData.batches`` uses: ``rng.permutation(n)``, then consecutive slices; every index
    appears exactly once per epoch, and only the last batch may be smaller.
    """
    if int(batch_size) < 1:
        raise ValueError(f"minibatch_indices: batch_size must be at least 1, got {batch_size!r}.")
    order = rng.permutation(int(n))
    for start in range(0, int(n), int(batch_size)):
        yield order[start:start + int(batch_size)]
