"""Bad input gives errors that say what was given and what was expected."""

from __future__ import annotations

import pytest
import torch

from labkit.errors import ShapeError
from labkit.explain import gradient_x_input, integrated_gradients, lime, occlusion, saliency, smoothgrad

METHODS = [
    lambda m, x, t: saliency(m, x, t),
    lambda m, x, t: gradient_x_input(m, x, t),
    lambda m, x, t: integrated_gradients(m, x, target=t, steps=4),
    lambda m, x, t: smoothgrad(m, x, t, n_samples=2),
    lambda m, x, t: occlusion(m, x, t, window=1),
    lambda m, x, t: lime(m, x, t, n_samples=10),
]


@pytest.fixture
def model_and_x(make_mlp):
    return make_mlp(0, 3, 4), torch.randn(5, 3, dtype=torch.float64)


@pytest.mark.parametrize("method", METHODS)
def test_target_out_of_range(method, model_and_x):
    model, x = model_and_x
    with pytest.raises(ValueError, match=r"target 4 is out of range: the model has 4 classes"):
        method(model, x, 4)
    with pytest.raises(ValueError, match=r"target -1 is out of range"):
        method(model, x, torch.tensor([0, 1, 2, 3, -1]))


@pytest.mark.parametrize("method", METHODS)
def test_target_of_the_wrong_length_or_type(method, model_and_x):
    model, x = model_and_x
    with pytest.raises(ShapeError, match=r"one class index per example, shape \(5,\), got shape \(3,\)"):
        method(model, x, torch.tensor([0, 1, 2]))
    with pytest.raises(TypeError, match="integer class indices"):
        method(model, x, torch.tensor([0.0, 1.0, 2.0, 3.0, 0.0]))


@pytest.mark.parametrize("method", METHODS)
def test_input_shape_that_does_not_fit_the_model(method, model_and_x):
    model, _ = model_and_x
    with pytest.raises(ShapeError, match=r"could not take an input of shape \(5, 4\)"):
        method(model, torch.randn(5, 4, dtype=torch.float64), 0)
    with pytest.raises(ShapeError, match=r"unsqueeze\(0\)"):
        method(model, torch.randn(3, dtype=torch.float64), 0)


def test_model_that_does_not_return_class_scores():
    model = lambda x: x.sum(dim=1)  # noqa: E731  (N,) instead of (N, C)
    with pytest.raises(ShapeError, match=r"class scores of shape \(N, C\)"):
        saliency(model, torch.randn(2, 3), 0)


def test_integer_input_and_bad_baseline(model_and_x):
    model, x = model_and_x
    with pytest.raises(TypeError, match="floats"):
        saliency(model, torch.ones(5, 3, dtype=torch.long), 0)
    with pytest.raises(ShapeError, match="baseline of shape"):
        integrated_gradients(model, x, torch.zeros(2, 3, dtype=torch.float64), target=0)
    with pytest.raises(ValueError, match="method should be one of"):
        integrated_gradients(model, x, target=0, method="simpson")
    with pytest.raises(ValueError, match="steps should be an integer >= 2"):
        integrated_gradients(model, x, target=0, steps=1)
