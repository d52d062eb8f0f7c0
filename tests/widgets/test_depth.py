"""Lesson 09's widget: depth and width explorer with per-layer gradient norms and the loss curve."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
import torch

import labkit.widgets.depth as depth_module
from labkit.depth import layer_gradient_norms
from labkit.widgets.depth import DepthExplorer


def test_draws_on_creation_and_measures_every_layer(keep_figures):
    figures = keep_figures(depth_module)
    widget = DepthExplorer(depth=3, width=16)
    assert len(figures) == 1
    assert widget.gradient_norms.shape == (4,) and widget.init_norms.shape == (4,)
    np.testing.assert_allclose(widget.gradient_norms,
                               layer_gradient_norms(widget.model, widget.X_train[:256], widget.y_train[:256]), rtol=1e-6)
    bars = [p.get_height() for p in figures[0].axes[0].patches]
    np.testing.assert_allclose(bars[4:], widget.gradient_norms, rtol=1e-6)
    assert "parameters" in widget.caption.value


def test_training_lowers_the_loss_and_raises_accuracy(keep_figures):
    figures = keep_figures(depth_module)
    widget = DepthExplorer(depth=2, width=32, lr=3e-3, steps=40)
    start = widget.test_accuracy
    widget.train()
    widget.train_button.click()
    assert widget.steps_done == 80 and len(widget.losses) == 80
    assert np.mean(widget.losses[-10:]) < 0.6 * np.mean(widget.losses[:10])
    assert widget.test_accuracy > max(start, 0.8)
    np.testing.assert_allclose(figures[-1].axes[1].lines[0].get_ydata(), widget.losses)


def test_changing_the_architecture_starts_a_fresh_network(keep_figures):
    keep_figures(depth_module)
    widget = DepthExplorer(depth=2, width=16)
    widget.train(10)
    widget.depth.value = 6
    assert widget.steps_done == 0 and widget.losses == []
    assert len(widget.gradient_norms) == 7
    widget.width.value = 64
    assert widget.model[0].out_features == 64


def test_deep_sigmoid_vanishes_and_relu_kaiming_does_not(keep_figures):
    keep_figures(depth_module)
    widget = DepthExplorer(depth=10, width=32, activation="sigmoid", init="default")
    assert widget.gradient_norms[0] / widget.gradient_norms[-1] < 1e-3
    widget.activation.value = "relu"
    widget.init.value = "kaiming"
    assert widget.gradient_norms[0] / widget.gradient_norms[-1] > 1e-2


def test_learning_rate_reaches_the_optimizer(keep_figures):
    keep_figures(depth_module)
    widget = DepthExplorer()
    widget.lr.value = 1e-2
    assert widget.optimizer.param_groups[0]["lr"] == pytest.approx(1e-2)


@pytest.mark.parametrize("kwargs, word", [
    (dict(depth=13), "depth"), (dict(width=10), "width"), (dict(activation="gelu"), "activation"),
    (dict(init="ones"), "init"), (dict(lr=0.5), "lr"), (dict(steps=0), "steps"), (dict(n_train=5000), "n_train"),
])
def test_bad_arguments_raise_clear_errors(kwargs, word):
    with pytest.raises(ValueError, match=word):
        DepthExplorer(**kwargs)
