"""Dropout: kept fraction, scaling, train/eval behaviour and determinism under a seed."""

from __future__ import annotations

import numpy as np
import pytest

import labkit.nn as nn


@pytest.mark.parametrize("p", [0.1, 0.3, 0.5, 0.8])
def test_kept_fraction_and_scaling(p):
    nn.manual_seed(0)
    x = np.ones((200, 500))
    out = nn.Dropout(p)(x)
    kept = out != 0
    sigma = np.sqrt(p * (1 - p) / x.size)
    assert abs(kept.mean() - (1 - p)) < 5 * sigma
    np.testing.assert_allclose(out[kept], 1 / (1 - p))  # inverted dropout: survivors are scaled up
    assert abs(out.mean() - 1.0) < 5 * sigma / (1 - p)  # so the expected value is unchanged


def test_backward_uses_the_same_mask():
    nn.manual_seed(1)
    layer = nn.Dropout(0.5)
    out = layer(np.ones((10, 10)))
    grad = layer.backward(np.full((10, 10), 3.0))
    np.testing.assert_array_equal(grad, 3.0 * out)


def test_eval_mode_is_the_identity_and_train_mode_comes_back():
    layer = nn.Dropout(0.5)
    x = np.random.default_rng(0).standard_normal((4, 6))
    layer.eval()
    assert layer.training is False
    np.testing.assert_array_equal(layer(x), x)
    np.testing.assert_array_equal(layer.backward(np.ones_like(x)), np.ones_like(x))
    layer.train()
    assert (layer(x) == 0).any()


def test_model_eval_reaches_dropout_inside_sequential():
    model = nn.Sequential(nn.Linear(3, 3), nn.Dropout(0.9))
    model.eval()
    assert not model[1].training
    x = np.ones((2, 3))
    np.testing.assert_array_equal(model(x), model[0](x))


def test_same_seed_same_masks_different_seed_different_masks():
    x = np.ones((20, 20))
    nn.manual_seed(42)
    first = nn.Dropout(0.5)(x)
    nn.manual_seed(42)
    again = nn.Dropout(0.5)(x)
    nn.manual_seed(43)
    other = nn.Dropout(0.5)(x)
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)


def test_own_generator_and_edge_probabilities():
    x = np.ones((5, 5))
    a = nn.Dropout(0.5, generator=np.random.default_rng(7))(x)
    b = nn.Dropout(0.5, generator=np.random.default_rng(7))(x)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(nn.Dropout(0.0)(x), x)
    np.testing.assert_array_equal(nn.Dropout(1.0)(x), np.zeros_like(x))
    with pytest.raises(ValueError, match="between 0 and 1"):
        nn.Dropout(1.5)


def test_dropout_keeps_float32():
    out = nn.Dropout(0.5)(np.ones((3, 3), dtype=np.float32))
    assert out.dtype == np.float32
