"""seed_everything makes NumPy, labkit.nn and torch repeatable."""

import random

import numpy as np
import pytest
import torch

import labkit
from labkit import nn


def _draw():
    layer = nn.Linear(3, 2)
    return (random.random(), np.random.rand(), torch.rand(1).item(), layer.weight.data.copy())


def test_same_seed_same_numbers_everywhere():
    labkit.seed_everything(5)
    a = _draw()
    labkit.seed_everything(5)
    b = _draw()
    assert a[:3] == b[:3]
    np.testing.assert_array_equal(a[3], b[3])
    labkit.seed_everything(6)
    assert _draw()[:3] != a[:3]


def test_bad_seed():
    with pytest.raises(ValueError, match="non-negative integer"):
        labkit.seed_everything(-1)
    with pytest.raises(ValueError, match="non-negative integer"):
        labkit.seed_everything(1.5)


def test_default_device_is_cpu_here_or_cuda():
    assert labkit.default_device() == ("cuda" if torch.cuda.is_available() else "cpu")
