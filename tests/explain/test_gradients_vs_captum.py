"""Saliency, gradient x input and integrated gradients against Captum on random MLPs and CNNs."""

from __future__ import annotations

import warnings

import pytest
import torch
from captum.attr import InputXGradient, IntegratedGradients, Saliency
from hypothesis import given, settings
from hypothesis import strategies as st

from labkit.explain import gradient_x_input, integrated_gradients, saliency
from labkit.explain.integrated_gradients import path_points

TOL = dict(rtol=1e-5, atol=1e-5)


@pytest.fixture(autouse=True)
def _quiet_captum():
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Input Tensor 0 did not already require gradients")
        yield


def random_case(data, make_mlp, make_cnn):
    """Draw a model, a float64 batch and targets (an int or an (N,) tensor)."""
    seed = data.draw(st.integers(0, 10_000), label="seed")
    n = data.draw(st.integers(1, 4), label="N")
    n_classes = data.draw(st.integers(2, 5), label="classes")
    if data.draw(st.booleans(), label="cnn"):
        channels = data.draw(st.integers(1, 3), label="channels")
        height, width = data.draw(st.sampled_from([(4, 4), (6, 4), (4, 8)]), label="size")
        model = make_cnn(seed, channels, height, width, n_classes)
        shape = (n, channels, height, width)
    else:
        n_features = data.draw(st.integers(1, 10), label="features")
        model = make_mlp(seed, n_features, n_classes)
        shape = (n, n_features)
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(shape, generator=generator, dtype=torch.float64)
    if data.draw(st.booleans(), label="int target"):
        target = data.draw(st.integers(0, n_classes - 1), label="target")
    else:
        target = torch.randint(0, n_classes, (n,), generator=generator)
    return model, x, target


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_saliency_and_gradient_x_input_equal_captum(data, make_mlp, make_cnn):
    model, x, target = random_case(data, make_mlp, make_cnn)
    for absolute in (True, False):
        expected = Saliency(model).attribute(x.clone(), target=target, abs=absolute)
        torch.testing.assert_close(saliency(model, x, target, abs=absolute), expected, **TOL)
    expected = InputXGradient(model).attribute(x.clone(), target=target)
    torch.testing.assert_close(gradient_x_input(model, x, target), expected.detach(), **TOL)


@settings(max_examples=30, deadline=None)
@given(
    data=st.data(),
    method=st.sampled_from(["gausslegendre", "riemann_left", "riemann_right", "riemann_middle"]),
    steps=st.integers(2, 40),
    baseline_kind=st.sampled_from(["none", "float", "tensor"]),
)
def test_integrated_gradients_equal_captum(data, method, steps, baseline_kind, make_mlp, make_cnn):
    model, x, target = random_case(data, make_mlp, make_cnn)
    baseline = {"none": None, "float": 0.25, "tensor": torch.randn_like(x)}[baseline_kind]
    result = integrated_gradients(model, x, baseline, target=target, steps=steps, method=method)
    expected, delta = IntegratedGradients(model).attribute(
        x, baselines=baseline, target=target, n_steps=steps, method=method, return_convergence_delta=True
    )
    torch.testing.assert_close(result.attributions, expected, **TOL)
    torch.testing.assert_close(result.gap, delta, **TOL)


def test_trapezoid_weights_sum_to_one_and_match_captum_given_them(make_cnn):
    """Captum's own riemann_trapezoid weights sum to (steps-1)/steps; ours sum to 1.
    Given our points and weights, Captum's integration code gives our numbers."""
    model, steps = make_cnn(3, 2, 4, 4, 3), 12
    x = torch.randn(2, 2, 4, 4, dtype=torch.float64)
    alphas, weights = path_points(steps, "riemann_trapezoid")
    assert weights.sum() == pytest.approx(1.0, abs=1e-15)
    assert alphas[0] == 0.0 and alphas[-1] == 1.0
    ours = integrated_gradients(model, x, target=1, steps=steps, method="riemann_trapezoid").attributions
    (theirs,) = IntegratedGradients(model)._attribute(
        (x,), (torch.zeros_like(x),), target=1, n_steps=steps, step_sizes_and_alphas=(list(weights), list(alphas))
    )
    torch.testing.assert_close(ours, theirs, **TOL)


@pytest.mark.parametrize("method", ["gausslegendre", "riemann_middle", "riemann_trapezoid", "riemann_right"])
def test_completeness_gap_shrinks_as_steps_grow(method, make_cnn):
    model = make_cnn(7, 1, 6, 4, 3)
    x = 2.0 * torch.randn(3, 1, 6, 4, dtype=torch.float64)
    gaps = [
        integrated_gradients(model, x, target=2, steps=steps, method=method).gap.abs().max().item()
        for steps in (4, 16, 64)
    ]
    assert gaps[0] > gaps[1] > gaps[2] or gaps[2] < 1e-12, gaps
    assert gaps[2] < 0.2 * gaps[0] or gaps[2] < 1e-12, gaps


def test_linear_model_attributions_are_exact_contributions():
    """For f(x) = W x + b, IG from a zero baseline and gradient x input both equal W[t] * x."""
    torch.manual_seed(0)
    model = torch.nn.Linear(5, 3).double()
    x = torch.randn(4, 5, dtype=torch.float64)
    target = torch.tensor([0, 1, 2, 1])
    expected = model.weight.detach()[target] * x
    for method in ("gausslegendre", "riemann_trapezoid", "riemann_left"):
        result = integrated_gradients(model, x, target=target, steps=3, method=method)
        torch.testing.assert_close(result.attributions, expected)
        torch.testing.assert_close(result.gap, torch.zeros(4, dtype=torch.float64), atol=1e-12, rtol=0)
    torch.testing.assert_close(gradient_x_input(model, x, target), expected)
    torch.testing.assert_close(saliency(model, x, target, abs=False), model.weight.detach()[target])


def test_attributions_do_not_change_the_input_or_leave_gradients(make_mlp):
    model = make_mlp(1, 4, 3)
    x = torch.randn(2, 4, dtype=torch.float64)
    before = x.clone()
    integrated_gradients(model, x, target=0, steps=5)
    saliency(model, x, 1)
    assert torch.equal(x, before) and x.grad is None and not x.requires_grad
