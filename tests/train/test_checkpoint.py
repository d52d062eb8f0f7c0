"""save_checkpoint / load_checkpoint round trips for torch and labkit.nn models."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from train_helpers import blobs, same_weights, torch_mlp, weights_of

from labkit.errors import ShapeError
from labkit.nn.activations import ReLU
from labkit.nn.batchnorm import BatchNorm1d
from labkit.nn.linear import Linear
from labkit.nn.random import manual_seed
from labkit.nn.sequential import Sequential
from labkit.train import fit, load_checkpoint, predict, save_checkpoint


def numpy_model(seed=0, hidden=8):
    manual_seed(seed)
    return Sequential(Linear(4, hidden), BatchNorm1d(hidden), ReLU(), Linear(hidden, 3))


def test_torch_round_trip(tmp_path):
    X, y = blobs(60)
    model = torch_mlp(seed=0)
    fit(model, (X, y), epochs=2)
    path = save_checkpoint(model, tmp_path / "sub" / "model.pt")
    other = torch_mlp(seed=1)
    assert not same_weights(weights_of(model), weights_of(other))
    load_checkpoint(other, path)
    assert same_weights(weights_of(model), weights_of(other))
    np.testing.assert_array_equal(predict(model, X), predict(other, X))


def test_labkit_nn_round_trip_keeps_the_exact_file_name_and_buffers(tmp_path):
    X, y = blobs(60)
    model = numpy_model(seed=0)
    fit(model, (X, y), epochs=2, batch_size=20)
    path = save_checkpoint(model, tmp_path / "weights.ckpt")
    assert path.exists() and path.name == "weights.ckpt"
    with np.load(path) as archive:
        assert set(archive.files) == set(model.state_dict())  # parameters and BatchNorm running stats
    other = load_checkpoint(numpy_model(seed=1), path)
    assert same_weights(weights_of(model), weights_of(other))
    np.testing.assert_array_equal(predict(model, X), predict(other, X))


def test_mismatches_are_explained(tmp_path):
    numpy_path = save_checkpoint(numpy_model(hidden=8), tmp_path / "small.npz")
    with pytest.raises(ShapeError, match="shape"):
        load_checkpoint(numpy_model(hidden=16), numpy_path)
    torch_path = save_checkpoint(torch_mlp(), tmp_path / "torch.pt")
    with pytest.raises(ValueError, match="not a NumPy .npz checkpoint"):
        load_checkpoint(numpy_model(), torch_path)
    with pytest.raises(FileNotFoundError, match="no checkpoint"):
        load_checkpoint(torch_mlp(), tmp_path / "missing.pt")
    with pytest.raises(TypeError, match="torch.nn.Module or a labkit.nn module"):
        save_checkpoint("model", tmp_path / "x")


def test_torch_checkpoint_loads_onto_the_models_device(tmp_path):
    model = torch_mlp()
    path = save_checkpoint(model, tmp_path / "m.pt")
    state = torch.load(path, weights_only=True)
    assert set(state) == set(model.state_dict())
