"""Tiny problems and models shared by the tests of labkit.train (imported as a sibling module)."""

from __future__ import annotations

import numpy as np
import torch


def blobs(n: int = 200, seed: int = 0, features: int = 4, classes: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Well separated Gaussian clusters: X (n, features) float32, y (n,) int64."""
    rng = np.random.default_rng(seed)
    centers = rng.normal(0, 3, size=(classes, features))
    y = rng.integers(0, classes, size=n)
    X = centers[y] + rng.normal(0, 0.7, size=(n, features))
    return X.astype(np.float32), y.astype(np.int64)


def torch_mlp(features: int = 4, classes: int = 3, seed: int = 0, dropout: float = 0.0) -> torch.nn.Module:
    torch.manual_seed(seed)
    return torch.nn.Sequential(
        torch.nn.Linear(features, 16), torch.nn.ReLU(), torch.nn.Dropout(dropout), torch.nn.Linear(16, classes)
    )


def weights_of(model) -> dict[str, np.ndarray]:
    """Copies of all weights as NumPy arrays, for torch and labkit.nn modules alike."""
    state = model.state_dict()
    return {k: np.array(v.detach().cpu().numpy() if hasattr(v, "detach") else v, copy=True) for k, v in state.items()}


def same_weights(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)
