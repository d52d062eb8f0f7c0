"""Playground (lesson 03): the MLP builder against PyTorch, training bursts, controls that reset or keep."""

from __future__ import annotations


import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402

import labkit.widgets.playground as module  # noqa: E402
from labkit import nn  # noqa: E402
from labkit.widgets.playground import ACTIVATIONS, DATASETS, Playground, build_mlp  # noqa: E402

TORCH_ACTIVATIONS = {"tanh": torch.nn.Tanh(), "relu": torch.nn.ReLU(), "sigmoid": torch.nn.Sigmoid(),
                     "leaky_relu": torch.nn.LeakyReLU(0.1), "linear": torch.nn.Identity()}


@pytest.fixture
def figures(keep_figures):
    """Every figure the widget draws (see tests/widgets/conftest.py)."""
    return keep_figures(module)


@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
@pytest.mark.parametrize("sizes", [[2, 1], [2, 3, 1], [2, 5, 4, 1]])
def test_build_mlp_computes_what_torch_computes(sizes, activation):
    model = build_mlp(sizes, activation, seed=1)
    linears = [layer for layer in model if isinstance(layer, nn.Linear)]
    assert [(l.in_features, l.out_features) for l in linears] == list(zip(sizes[:-1], sizes[1:]))
    assert isinstance(model[-1], nn.Linear), "no activation after the last layer"
    torch_layers = []
    for i, layer in enumerate(linears):
        lin = torch.nn.Linear(layer.in_features, layer.out_features).double()
        with torch.no_grad():
            lin.weight.copy_(torch.tensor(layer.weight.data))
            lin.bias.copy_(torch.tensor(layer.bias.data))
        torch_layers.append(lin)
        if i < len(linears) - 1:
            torch_layers.append(TORCH_ACTIVATIONS[activation])
    X = np.random.default_rng(0).normal(size=(7, 2))
    expected = torch.nn.Sequential(*torch_layers)(torch.tensor(X)).detach().numpy()
    np.testing.assert_allclose(model(X), expected, rtol=1e-12, atol=1e-12)
    n_params = sum(p.data.size for p in model.parameters())
    assert n_params == sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))


def test_build_mlp_rejects_bad_settings():
    with pytest.raises(ValueError, match="choose one of"):
        build_mlp([2, 3, 1], "swish")
    with pytest.raises(ValueError, match="at least"):
        build_mlp([2])


def test_draws_on_creation_and_starts_untrained(figures):
    widget = Playground(n_samples=80)
    assert len(figures) == 1
    assert widget.epoch == 0 and widget.history == {"train": [], "test": []}
    assert widget.layer_sizes == [2, 4, 1]
    assert len(widget.X_train) == 56 and len(widget.X_test) == 24
    assert "epoch <b>0</b>" in widget.status.value and "17 parameters" in widget.status.value
    for control in (widget.noise, widget.hidden_layers, widget.neurons):
        assert control.continuous_update is False


def test_a_burst_trains_shows_progress_and_redraws(figures):
    widget = Playground(dataset="moons", n_samples=80, lr=0.03)
    weights = widget.model[0].weight.data.copy()
    widget.train(60)
    assert widget.epoch == 60 and len(widget.history["train"]) == 60 == len(widget.history["test"])
    assert widget.progress.value == widget.progress.max == 60
    assert not widget.train_button.disabled
    assert widget.history["train"][-1] < widget.history["train"][0]
    assert not np.allclose(widget.model[0].weight.data, weights)
    assert len(figures) == 2
    loss_axes = figures[-1].axes[1]
    assert [line.get_label() for line in loss_axes.lines] == ["train", "test"]
    assert len(loss_axes.lines[0].get_xdata()) == 60
    shown = [c.get_label() for c in figures[-1].axes[0].collections]
    assert "class 0 (test)" in shown and "class 1 (test)" in shown
    widget.epochs.value = 50
    widget.train_button.click()
    assert widget.epoch == 110


def test_training_solves_circles_with_tanh_but_not_without_a_nonlinearity(figures):
    widget = Playground(dataset="circles", noise=0.05, hidden_layers=1, neurons=6, activation="tanh",
                        lr=0.1, n_samples=100)
    widget.train(300)
    assert widget.accuracy("train") > 0.95 and widget.accuracy("test") > 0.9
    widget.activation.value = "linear"
    widget.train(300)
    assert widget.accuracy("train") < 0.75


def test_architecture_and_data_changes_reset_but_learning_rate_does_not(figures):
    widget = Playground(n_samples=60)
    widget.train(10)
    widget.lr.value = 0.1
    assert widget.epoch == 10 and widget.optimizer.lr == 0.1
    widget.neurons.value = 7
    assert widget.epoch == 0 and widget.layer_sizes == [2, 7, 1]
    assert widget.model[0].weight.shape == (7, 2)
    assert widget.optimizer.lr == 0.1
    widget.hidden_layers.value = 3
    assert widget.layer_sizes == [2, 7, 7, 7, 1]
    assert sum(p.data.size for p in widget.model.parameters()) == 21 + 56 + 56 + 8
    widget.train(5)
    before = widget.X_train.copy()
    widget.dataset.value = "spirals"
    assert widget.epoch == 0 and not np.array_equal(before, widget.X_train)
    widget.noise.value = 0.3
    assert widget.epoch == 0
    widget.train(5)
    widget.reset_button.click()
    assert widget.epoch == 0 and widget.history["train"] == []


def test_zero_hidden_layers_is_logistic_regression(figures):
    widget = Playground(hidden_layers=0, n_samples=60)
    assert widget.layer_sizes == [2, 1] and len(widget.model) == 1
    widget.train(5)


@pytest.mark.parametrize("dataset", DATASETS)
def test_every_dataset_loads_with_binary_labels(figures, dataset):
    widget = Playground(dataset=dataset, n_samples=60)
    assert set(np.unique(widget.y_train)) <= {0.0, 1.0}
    assert widget.X_train.shape[1] == 2
    assert 0.0 <= widget.accuracy() <= 1.0
