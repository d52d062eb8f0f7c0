"""Optimizers and learning-rate schedules against torch.optim: same trajectory, step by step."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

import labkit.nn as nn

K = 12  # steps per trajectory

OPTIMIZERS = [
    ("SGD", dict(lr=0.1)),
    ("SGD", dict()),  # torch's default lr
    ("SGD", dict(lr=0.05, momentum=0.9)),
    ("SGD", dict(lr=0.05, momentum=0.9, dampening=0.3)),
    ("SGD", dict(lr=0.05, momentum=0.9, nesterov=True)),
    ("SGD", dict(lr=0.05, momentum=0.5, weight_decay=0.1, nesterov=True)),
    ("Adam", dict()),
    ("Adam", dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.05)),
    ("Adam", dict(lr=0.01, amsgrad=True)),
    ("AdamW", dict()),
    ("AdamW", dict(lr=0.02, weight_decay=0.3, amsgrad=True)),
    ("RMSprop", dict()),
    ("RMSprop", dict(lr=0.005, alpha=0.9, momentum=0.8, weight_decay=0.01)),
    ("RMSprop", dict(lr=0.005, centered=True, momentum=0.3)),
]


@pytest.mark.parametrize("name, kwargs", OPTIMIZERS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(OPTIMIZERS)])
@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 2**31 - 1))
def test_optimizer_trajectory_matches_torch(name, kwargs, seed):
    rng = np.random.default_rng(seed)
    shapes = [(3, 4), (4,), (2, 1, 3)]
    ours = [nn.Parameter(rng.standard_normal(s)) for s in shapes]
    theirs = [torch.tensor(p.data.copy(), requires_grad=True) for p in ours]
    opt = getattr(nn, name)(ours, **kwargs)
    opt_t = getattr(torch.optim, name)(theirs, **kwargs)
    for _ in range(K):
        for p, t in zip(ours, theirs):  # the same gradient for both: a quadratic bowl plus noise
            g = 2 * p.data + rng.standard_normal(p.shape)
            p.grad = g.copy()
            t.grad = torch.from_numpy(g.copy())
        opt.step()
        opt_t.step()
        for p, t in zip(ours, theirs):
            np.testing.assert_allclose(p.data, t.detach().numpy(), rtol=1e-6, atol=1e-12)


def test_defaults_match_torch():
    p = [nn.Parameter(np.zeros(2))]
    t = [torch.zeros(2, requires_grad=True)]
    for name, attrs in [("SGD", ["lr", "momentum", "dampening", "weight_decay", "nesterov"]),
                        ("Adam", ["lr", "betas", "eps", "weight_decay", "amsgrad"]),
                        ("AdamW", ["lr", "betas", "eps", "weight_decay", "amsgrad"]),
                        ("RMSprop", ["lr", "alpha", "eps", "weight_decay", "momentum", "centered"])]:
        ours = getattr(nn, name)(p)
        group = getattr(torch.optim, name)(t).param_groups[0]
        for attr in attrs:
            assert getattr(ours, attr) == group[attr], f"{name}.{attr}"


def test_parameters_without_gradient_are_skipped():
    a, b = nn.Parameter(np.ones(2)), nn.Parameter(np.ones(2))
    a.grad = np.ones(2)
    nn.Adam([a, b], lr=0.1).step()
    np.testing.assert_array_equal(b.data, np.ones(2))
    assert not np.allclose(a.data, 1.0)


def test_zero_grad_sets_none():
    p = nn.Parameter(np.ones(2))
    p.grad = np.ones(2)
    nn.SGD([p], lr=0.1).zero_grad()
    assert p.grad is None


@pytest.mark.parametrize("make, make_t", [
    (lambda o: nn.StepLR(o, step_size=3), lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3)),
    (lambda o: nn.StepLR(o, step_size=2, gamma=0.5), lambda o: torch.optim.lr_scheduler.StepLR(o, 2, gamma=0.5)),
    (lambda o: nn.CosineAnnealingLR(o, T_max=7), lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=7)),
    (lambda o: nn.CosineAnnealingLR(o, T_max=5, eta_min=0.01),
     lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=5, eta_min=0.01)),
], ids=["step", "step-gamma", "cosine", "cosine-eta-min"])
def test_schedules_match_torch(make, make_t):
    opt = nn.SGD([nn.Parameter(np.zeros(1))], lr=0.3)
    opt_t = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.3)
    sched, sched_t = make(opt), make_t(opt_t)
    assert sched.get_last_lr() == pytest.approx(sched_t.get_last_lr(), abs=0)
    for epoch in range(25):  # past T_max: the cosine rises again
        opt.step()
        opt_t.step()
        sched.step()
        sched_t.step()
        assert opt.lr == pytest.approx(opt_t.param_groups[0]["lr"], rel=1e-12, abs=1e-15), f"epoch {epoch}"
        assert sched.get_last_lr() == pytest.approx(sched_t.get_last_lr(), rel=1e-12, abs=1e-15)
