"""Small random models for the explain tests, in float64 so comparisons can be tight.

They are handed out as session fixtures (test files cannot import each other under
--import-mode=importlib), so hypothesis tests may use them too.
"""

from __future__ import annotations

import pytest
import torch


def _make_mlp(seed: int, n_features: int, n_classes: int, hidden: int = 8) -> torch.nn.Module:
    """A two-layer tanh MLP: (N, n_features) -> (N, n_classes), float64."""
    torch.manual_seed(seed)
    return torch.nn.Sequential(
        torch.nn.Linear(n_features, hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, n_classes)
    ).double()


def _make_cnn(seed: int, channels: int, height: int, width: int, n_classes: int) -> torch.nn.Module:
    """conv 3x3 -> softplus -> max pool -> linear: (N, channels, height, width) -> (N, n_classes), float64."""
    torch.manual_seed(seed)
    return torch.nn.Sequential(
        torch.nn.Conv2d(channels, 4, 3, padding=1),
        torch.nn.Softplus(),
        torch.nn.MaxPool2d(2),
        torch.nn.Flatten(),
        torch.nn.Linear(4 * (height // 2) * (width // 2), n_classes),
    ).double()


@pytest.fixture(scope="session")
def make_mlp():
    return _make_mlp


@pytest.fixture(scope="session")
def make_cnn():
    return _make_cnn
