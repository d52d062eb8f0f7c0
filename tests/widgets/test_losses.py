"""Lesson 04's widgets: the numbers they show match the loss formulas, and controls redraw them."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from labkit.widgets.losses import (LossExplorer, SoftmaxExplorer, classification_losses, regression_losses,
                                   softmax)


def _torch_grad_wrt_logit(p: float, y: float, loss: str) -> float:
    z = torch.tensor(math.log(p / (1 - p)), dtype=torch.float64, requires_grad=True)
    prob = torch.sigmoid(z)
    target = torch.tensor(y, dtype=torch.float64)
    if loss == "bce":
        value = torch.nn.functional.binary_cross_entropy(prob, target)
    else:
        value = (prob - target) ** 2
    value.backward()
    return float(z.grad)


@settings(max_examples=30, deadline=None)
@given(p=st.floats(0.001, 0.999), y=st.sampled_from([0, 1]))
def test_classification_losses_match_torch(p, y):
    got = classification_losses(p, y)
    bce, bce_grad = got["binary cross-entropy"]
    expected_bce = float(torch.nn.functional.binary_cross_entropy(torch.tensor(p, dtype=torch.float64),
                                                                  torch.tensor(float(y), dtype=torch.float64)))
    assert bce == pytest.approx(expected_bce, rel=1e-9)
    assert bce_grad == pytest.approx(_torch_grad_wrt_logit(p, y, "bce"), rel=1e-6, abs=1e-9)
    mse, mse_grad = got["squared error"]
    assert mse == pytest.approx((p - y) ** 2)
    assert mse_grad == pytest.approx(_torch_grad_wrt_logit(p, y, "mse"), rel=1e-6, abs=1e-9)


@settings(max_examples=30, deadline=None)
@given(pred=st.floats(-5, 5), target=st.floats(-5, 5))
def test_regression_losses_and_central_differences(pred, target):
    got = regression_losses(pred, target)
    eps = 1e-6
    for name, (value, grad) in got.items():
        plus = regression_losses(pred + eps, target)[name][0]
        minus = regression_losses(pred - eps, target)[name][0]
        if abs(pred - target) > 1e-3:  # the absolute error has a kink at 0
            assert grad == pytest.approx((plus - minus) / (2 * eps), rel=1e-4, abs=1e-6), name
    assert got["squared error"][0] == pytest.approx((pred - target) ** 2)
    assert got["absolute error"][0] == pytest.approx(abs(pred - target))


def test_classification_losses_reject_bad_input():
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        classification_losses(1.0, 1)
    with pytest.raises(ValueError, match="label 0 or 1"):
        classification_losses(0.5, 2)


def test_confident_wrong_answer_vanishing_gradient():
    got = classification_losses(0.01, 1)
    assert abs(got["binary cross-entropy"][1]) > 0.9  # p - y = -0.99
    assert abs(got["squared error"][1]) < 0.05  # 2 (p - y) p (1 - p) ~ -0.0196


def test_loss_explorer_draws_and_follows_the_sliders():
    w = LossExplorer(task="binary classification", probability=0.1, label=1)
    assert "binary cross-entropy" in w.caption.value
    first = w.losses()["binary cross-entropy"][0]
    assert first == pytest.approx(-math.log(0.1))
    w.probability.value = 0.9
    assert w.losses()["binary cross-entropy"][0] == pytest.approx(-math.log(0.9))
    assert "0.1054" in w.caption.value
    w.label.value = 0
    assert w.losses()["binary cross-entropy"][0] == pytest.approx(-math.log(0.1))
    assert w._regression_box.layout.display == "none"


def test_loss_explorer_switches_to_regression():
    w = LossExplorer(task="binary classification")
    w.task.value = "regression"
    assert w._classification_box.layout.display == "none" and w._regression_box.layout.display is None
    w.prediction.value = 1.0
    w.target.value = -0.5
    loss, grad = w.losses()["squared error"]
    assert loss == pytest.approx(2.25) and grad == pytest.approx(3.0)
    assert "squared error" in w.caption.value and "absolute error" in w.caption.value
    with pytest.raises(ValueError, match="task must be one of"):
        LossExplorer(task="ranking")


def test_softmax_explorer_gradient_is_softmax_minus_one_hot():
    w = SoftmaxExplorer(logits=(2.0, 1.0, -1.0), target=1)
    z = torch.tensor([[2.0, 1.0, -1.0]], dtype=torch.float64, requires_grad=True)
    loss = torch.nn.functional.cross_entropy(z, torch.tensor([1]))
    loss.backward()
    assert w.loss() == pytest.approx(loss.item())
    np.testing.assert_allclose(w.gradient(), z.grad[0].numpy(), rtol=1e-9)
    np.testing.assert_allclose(w.probabilities().sum(), 1.0)
    before = w.caption.value
    w.logits[1].value = 5.0
    assert w.loss() < loss.item()
    assert w.caption.value != before
    w.target.value = 2
    assert w.gradient()[2] < 0 and w.gradient()[1] > 0


def test_softmax_is_stable_for_large_logits():
    np.testing.assert_allclose(softmax([1000.0, 0.0, -1000.0]), [1.0, 0.0, 0.0])
    with pytest.raises(ValueError, match=r"3 numbers \(one per class\)"):
        SoftmaxExplorer(logits=(1.0, 2.0))
