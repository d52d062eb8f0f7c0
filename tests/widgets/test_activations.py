"""ActivationExplorer (lesson 02): activations and derivatives vs PyTorch, the fits, the controls."""

from __future__ import annotations


import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402

import labkit.widgets.activations as module  # noqa: E402
from labkit.widgets.activations import (  # noqa: E402
    ACTIVATIONS, LEAKY_SLOPE, TARGETS, ActivationExplorer, activation_and_derivative, fit_curve,
)

TORCH = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "leaky_relu": lambda t: torch.nn.functional.leaky_relu(t, LEAKY_SLOPE),
    "linear": lambda t: t,
}


@pytest.fixture
def figures(keep_figures):
    """Every figure the widget draws (see tests/widgets/conftest.py)."""
    return keep_figures(module)


def _labels(ax) -> list[str]:
    return [line.get_label() for line in ax.lines if not line.get_label().startswith("_")]


@pytest.mark.parametrize("name", sorted(TORCH))
def test_function_and_derivative_match_torch(name):
    z = np.concatenate([np.linspace(-8, 8, 97), [-1e-3, 1e-3]])  # 0 itself excluded: kinks there
    z = z[z != 0]
    y, dy = activation_and_derivative(name, z)
    t = torch.tensor(z, requires_grad=True)
    out = TORCH[name](t)
    out.sum().backward()
    np.testing.assert_allclose(y, out.detach().numpy(), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(dy, t.grad.numpy(), rtol=1e-12, atol=1e-14)


def test_step_is_flat_with_zero_derivative():
    y, dy = activation_and_derivative("step", np.array([-2.0, -1e-9, 0.0, 3.0]))
    np.testing.assert_array_equal(y, [0.0, 0.0, 1.0, 1.0])
    np.testing.assert_array_equal(dy, 0.0)


def test_unknown_names_raise_helpful_errors():
    with pytest.raises(ValueError, match="choose one of"):
        activation_and_derivative("swish", np.zeros(3))
    with pytest.raises(ValueError, match="unknown target"):
        fit_curve("tanh", "cosine")
    with pytest.raises(ValueError, match="hidden"):
        fit_curve("tanh", "sine", hidden=0)


def test_linear_network_fits_only_a_straight_line():
    result = fit_curve("linear", "sine", hidden=8, steps=300)
    np.testing.assert_allclose(np.diff(result["pred"], 2), 0.0, atol=1e-10)
    slope, intercept = np.polyfit(result["x"], result["y"], 1)
    best_line = np.mean((slope * result["x"] + intercept - result["y"]) ** 2)
    assert result["losses"][-1] >= best_line - 1e-9


def test_a_nonlinear_hidden_layer_fits_the_sine_far_better():
    linear = fit_curve("linear", "sine", hidden=8, steps=300)["losses"][-1]
    tanh = fit_curve("tanh", "sine", hidden=8, steps=300)["losses"][-1]
    assert tanh < linear / 20, (tanh, linear)


def test_training_lowers_the_loss_and_is_repeatable():
    a = fit_curve("relu", "|x|", hidden=6, steps=150, seed=3)
    b = fit_curve("relu", "|x|", hidden=6, steps=150, seed=3)
    np.testing.assert_array_equal(a["pred"], b["pred"])
    assert a["losses"][-1] < a["losses"][0] / 5


def test_step_hidden_layer_never_learns_but_the_output_layer_does():
    result = fit_curve("step", "sine", hidden=8, steps=100)
    assert result["hidden_weight_change"] == 0.0
    assert result["losses"][-1] < result["losses"][0]


def test_targets_are_defined_on_the_grid():
    x = np.linspace(-1, 1, 11)
    for name, f in TARGETS.items():
        assert f(x).shape == x.shape, name


def test_widget_draws_on_creation_and_redraws_on_change(figures):
    widget = ActivationExplorer(activation="sigmoid", target="parabola", hidden=4, steps=60)
    assert len(figures) == 1
    first_caption = widget.caption.value
    assert "sigmoid" in first_caption and "MSE" in first_caption
    assert _labels(figures[-1].axes[0]) == ["sigmoid"]

    widget.activation.value = "relu"
    assert len(figures) == 2
    assert "relu" in widget.caption.value and widget.caption.value != first_caption
    assert _labels(figures[-1].axes[1]) == ["relu"]

    widget.compare.value = "linear"
    fit_labels = _labels(figures[-1].axes[2])
    assert any(label.startswith("relu") for label in fit_labels)
    assert any(label.startswith("linear") for label in fit_labels)
    assert "No non-linearity" in widget.caption.value


def test_fits_are_cached_and_follow_the_controls(figures):
    widget = ActivationExplorer(activation="tanh", hidden=3, steps=40)
    fit = widget.fit()
    assert widget.fit() is fit
    widget.hidden.value = 5
    assert widget.fit() is not fit
    assert widget.fit()["model"][0].weight.shape == (5, 1)
    widget.target.value = "step"
    np.testing.assert_array_equal(widget.fit()["y"], (widget.fit()["x"] > 0).astype(float))
    assert widget.hidden.continuous_update is False


def test_every_activation_can_be_chosen(figures):
    widget = ActivationExplorer(hidden=2, steps=5)
    for name in ACTIVATIONS:
        widget.activation.value = name
        assert name in widget.caption.value
