"""Losses against PyTorch in float64: the value and the gradient with respect to pred."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

import labkit.nn as nn

SETTINGS = settings(max_examples=30, deadline=None)
seeds = st.integers(0, 2**31 - 1)
shapes = st.lists(st.integers(1, 5), min_size=1, max_size=3)
reductions = st.sampled_from(["mean", "sum"])


def check(ours, theirs, pred, target, torch_target=None):
    value = ours(pred, target)
    pred_t = torch.tensor(pred, requires_grad=True)
    value_t = theirs(pred_t, torch.tensor(target) if torch_target is None else torch_target)
    value_t.backward()
    np.testing.assert_allclose(value, value_t.item(), rtol=1e-6, atol=1e-12, err_msg="loss value")
    np.testing.assert_allclose(ours.backward(), pred_t.grad.numpy(), rtol=1e-6, atol=1e-12, err_msg="gradient")
    assert np.ndim(value) == 0


@SETTINGS
@given(shape=shapes, reduction=reductions, seed=seeds)
def test_mse_matches_torch(shape, reduction, seed):
    rng = np.random.default_rng(seed)
    check(nn.MSELoss(reduction), torch.nn.MSELoss(reduction=reduction), rng.standard_normal(shape),
          rng.standard_normal(shape))


@SETTINGS
@given(shape=shapes, reduction=reductions, seed=seeds, hard=st.booleans())
def test_bce_matches_torch(shape, reduction, seed, hard):
    rng = np.random.default_rng(seed)
    pred = rng.uniform(0.001, 0.999, shape)
    target = rng.integers(0, 2, shape).astype(float) if hard else rng.uniform(0, 1, shape)
    check(nn.BCELoss(reduction), torch.nn.BCELoss(reduction=reduction), pred, target)


def test_bce_clamps_log_at_minus_100_like_torch():
    pred = np.array([0.0, 1.0, 0.5, 1e-60])
    target = np.array([1.0, 0.0, 1.0, 1.0])
    check(nn.BCELoss(), torch.nn.BCELoss(), pred, target)


@SETTINGS
@given(shape=shapes, reduction=reductions, seed=seeds, scale=st.sampled_from([1.0, 100.0]))
def test_bce_with_logits_matches_torch_even_for_large_logits(shape, reduction, seed, scale):
    rng = np.random.default_rng(seed)
    check(nn.BCEWithLogitsLoss(reduction), torch.nn.BCEWithLogitsLoss(reduction=reduction),
          scale * rng.standard_normal(shape), rng.uniform(0, 1, shape))


@SETTINGS
@given(n=st.integers(1, 6), c=st.integers(1, 6), reduction=reductions, seed=seeds,
       scale=st.sampled_from([1.0, 1000.0]))
def test_cross_entropy_with_class_indices_matches_torch(n, c, reduction, seed, scale):
    rng = np.random.default_rng(seed)
    logits = scale * rng.standard_normal((n, c))
    target = rng.integers(0, c, n)
    check(nn.CrossEntropyLoss(reduction), torch.nn.CrossEntropyLoss(reduction=reduction), logits, target)


@SETTINGS
@given(n=st.integers(1, 6), c=st.integers(1, 6), reduction=reductions, seed=seeds)
def test_cross_entropy_with_probabilities_matches_torch(n, c, reduction, seed):
    rng = np.random.default_rng(seed)
    probs = rng.dirichlet(np.ones(c), size=n)
    check(nn.CrossEntropyLoss(reduction), torch.nn.CrossEntropyLoss(reduction=reduction),
          rng.standard_normal((n, c)), probs)


def test_losses_reject_unknown_reduction():
    with pytest.raises(ValueError, match="reduction"):
        nn.MSELoss("none")


def test_loss_backward_scales_by_grad_output():
    loss = nn.MSELoss()
    loss(np.array([1.0, 2.0]), np.array([0.0, 0.0]))
    np.testing.assert_allclose(loss.backward(3.0), 3.0 * loss.backward())


@pytest.mark.parametrize("lam", [0.0, 0.1, 2.5])
def test_penalties_match_torch_autograd(lam):
    rng = np.random.default_rng(0)
    params = [nn.Parameter(rng.standard_normal((3, 4))), nn.Parameter(rng.standard_normal(5))]
    for p in params:
        p.grad = np.ones_like(p.data)  # penalties add to existing gradients
    value = nn.l1_penalty(params, lam) + nn.l2_penalty(params, lam)
    ts = [torch.tensor(p.data, requires_grad=True) for p in params]
    value_t = sum(lam * t.abs().sum() + lam / 2 * (t**2).sum() for t in ts)
    value_t.backward()
    assert value == pytest.approx(value_t.item(), rel=1e-12)
    for p, t in zip(params, ts):
        np.testing.assert_allclose(p.grad, 1.0 + t.grad.numpy(), rtol=1e-12)


def test_l2_penalty_gradient_equals_sgd_weight_decay():
    rng = np.random.default_rng(1)
    a, b = nn.Parameter(rng.standard_normal(4)), nn.Parameter(rng.standard_normal(4))
    b.data[:] = a.data
    grad = rng.standard_normal(4)
    a.grad, b.grad = grad.copy(), grad.copy()
    nn.l2_penalty([a], lam=0.3)
    nn.SGD([a], lr=0.1).step()
    nn.SGD([b], lr=0.1, weight_decay=0.3).step()
    np.testing.assert_allclose(a.data, b.data, rtol=1e-14)
