"""fit() on labkit.nn models: learning, agreement with the same loop written by hand, seeds, checks."""

from __future__ import annotations

import numpy as np
import pytest
from train_helpers import blobs

from labkit.nn.activations import ReLU, Tanh
from labkit.nn.dropout import Dropout
from labkit.nn.linear import Linear
from labkit.nn.losses import CrossEntropyLoss, MSELoss
from labkit.nn.optim import SGD
from labkit.nn.random import manual_seed
from labkit.nn.sequential import Sequential
from labkit.train import fit, predict


def numpy_mlp(seed: int = 0, dropout: float = 0.0) -> Sequential:
    manual_seed(seed)
    return Sequential(Linear(4, 16), ReLU(), Dropout(dropout), Linear(16, 3))


def test_fit_reduces_the_loss_and_learns():
    X, y = blobs(300)
    model = numpy_mlp()
    history = fit(model, (X[:240], y[:240]), (X[240:], y[240:]), epochs=15, batch_size=16, lr=1e-2)
    assert history["loss"][-1] < 0.3 * history["loss"][0]
    assert history["val_accuracy"][-1] >= 0.95
    assert not model.training


def test_matches_the_loop_written_by_hand():
    X, y = blobs(100)
    model, reference = numpy_mlp(seed=2), numpy_mlp(seed=2)
    history = fit(model, (X, y), epochs=2, batch_size=30, optimizer=SGD(model.parameters(), lr=0.1), seed=9,
                  metrics=["loss"])
    loss_fn, opt = CrossEntropyLoss(), SGD(reference.parameters(), lr=0.1)
    rng = np.random.default_rng(9)
    expected = []
    for _ in range(2):
        order, total = rng.permutation(len(X)), 0.0
        for start in range(0, len(X), 30):
            idx = order[start : start + 30]
            opt.zero_grad()
            value = float(loss_fn(reference(X[idx].astype(np.float64)), y[idx]))
            reference.backward(loss_fn.backward())
            opt.step()
            total += value * len(idx)
        expected.append(total / len(X))
    np.testing.assert_allclose(history["loss"], expected, rtol=1e-12)
    for p, q in zip(model.parameters(), reference.parameters()):
        np.testing.assert_array_equal(p.data, q.data)


def test_same_seed_same_dropout_masks_and_losses():
    X, y = blobs(90)
    a = fit(numpy_mlp(dropout=0.5), (X, y), epochs=2, batch_size=10, seed=1)["loss"]
    b = fit(numpy_mlp(dropout=0.5), (X, y), epochs=2, batch_size=10, seed=1)["loss"]
    c = fit(numpy_mlp(dropout=0.5), (X, y), epochs=2, batch_size=10, seed=2)["loss"]
    assert a == b and a != c


def test_regression_with_column_outputs_and_flat_targets():
    X, _ = blobs(120)
    target = X @ np.array([1.0, -1.0, 0.5, 2.0])
    manual_seed(0)
    model = Sequential(Linear(4, 8), Tanh(), Linear(8, 1))
    history = fit(model, (X, target), loss=MSELoss(), epochs=40, batch_size=16, lr=2e-2)
    assert list(history.keys()) == ["loss"]
    assert history["loss"][-1] < 0.05 * history["loss"][0]
    assert predict(model, X).shape == (120, 1)


def test_labkit_models_refuse_gpu_and_torch_losses():
    import torch

    X, y = blobs(20)
    with pytest.raises(ValueError, match="CPU only"):
        fit(numpy_mlp(), (X, y), device="cuda")
    with pytest.raises(TypeError, match="torch loss works only with torch models"):
        fit(numpy_mlp(), (X, y), loss=torch.nn.functional.cross_entropy)
    with pytest.raises(TypeError, match="torch.nn.Module or a labkit.nn Module"):
        fit(object(), (X, y))


def test_mixing_frameworks_is_explained():
    import torch
    from train_helpers import torch_mlp

    X, y = blobs(20)
    with pytest.raises(TypeError, match="comes from labkit.nn"):
        fit(torch_mlp(), (X, y), loss=CrossEntropyLoss())
    with pytest.raises(TypeError, match="comes from torch"):
        fit(numpy_mlp(), (X, y), loss=torch.nn.CrossEntropyLoss())
    model = numpy_mlp()
    with pytest.raises(TypeError, match="comes from labkit.nn"):
        fit(torch_mlp(), (X, y), optimizer=SGD(model.parameters(), lr=0.1))
