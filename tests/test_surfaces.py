"""labkit.surfaces: values and gradients against torch autograd and central differences; trajectories vs torch.optim."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

import labkit.nn as nn
from labkit.errors import ShapeError
from labkit.surfaces import SURFACES, Bowl, Ravine, Rosenbrock, plot_path, trajectory

ALL = [Bowl(), Ravine(), Ravine(curvature=7.5), Rosenbrock(), Rosenbrock(a=0.5, b=10)]
IDS = [repr(s) for s in ALL]


def _torch_value(surface, p: torch.Tensor) -> torch.Tensor:
    x, y = p[..., 0], p[..., 1]
    if isinstance(surface, Rosenbrock):
        return (surface.a - x) ** 2 + surface.b * (y - x * x) ** 2
    curvature = surface.curvature if isinstance(surface, Ravine) else 1.0
    return 0.5 * (x * x + curvature * y * y)


coordinate = st.floats(-3, 3, allow_nan=False)


@pytest.mark.parametrize("surface", ALL, ids=IDS)
@settings(max_examples=30, deadline=None)
@given(x=coordinate, y=coordinate)
def test_value_and_gradient_match_torch_autograd(surface, x, y):
    p = torch.tensor([x, y], dtype=torch.float64, requires_grad=True)
    value = _torch_value(surface, p)
    value.backward()
    np.testing.assert_allclose(surface(np.array([x, y])), value.item(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(surface.grad([x, y]), p.grad.numpy(), rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("surface", ALL, ids=IDS)
def test_gradient_matches_central_differences(surface):
    rng = np.random.default_rng(0)
    h = 1e-6
    for p in rng.uniform(-2, 2, size=(10, 2)):
        numeric = [(surface(p + h * e) - surface(p - h * e)) / (2 * h) for e in np.eye(2)]
        np.testing.assert_allclose(surface.grad(p), numeric, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("surface", ALL, ids=IDS)
def test_minimum_is_a_stationary_point_with_the_lowest_value(surface):
    np.testing.assert_allclose(surface.grad(surface.minimum), [0.0, 0.0], atol=1e-12)
    assert surface.min_value == pytest.approx(0.0, abs=1e-12)
    grid = np.random.default_rng(1).uniform(-3, 3, size=(500, 2))
    assert np.all(surface(grid) >= surface.min_value)
    assert surface(surface.start) > surface.min_value + 1.0


@pytest.mark.parametrize("surface", ALL, ids=IDS)
def test_batched_points_keep_their_shape(surface):
    points = np.random.default_rng(2).normal(size=(4, 3, 2))
    assert surface(points).shape == (4, 3)
    assert surface.grad(points).shape == (4, 3, 2)
    np.testing.assert_allclose(surface.grad(points)[1, 2], surface.grad(points[1, 2]))


@pytest.mark.parametrize("bad", [np.zeros(3), np.zeros((4, 3)), 1.0])
def test_wrong_shape_raises_with_a_hint(bad):
    with pytest.raises(ShapeError, match=r"\(2,\)"):
        Ravine()(bad)
    with pytest.raises(ShapeError, match="np.array"):
        Rosenbrock().grad(bad)


def test_ravine_rejects_curvature_below_one():
    with pytest.raises(ValueError, match="curvature"):
        Ravine(curvature=0.5)


OPTIMIZERS = [
    ("SGD", dict(lr=1e-3)),
    ("SGD", dict(lr=1e-3, momentum=0.9)),
    ("Adam", dict(lr=0.05)),
    ("RMSprop", dict(lr=0.01)),
]


@pytest.mark.parametrize("name, kwargs", OPTIMIZERS, ids=[f"{n}-{k}" for n, k in OPTIMIZERS])
@pytest.mark.parametrize("surface", [Rosenbrock(), Ravine()], ids=["rosenbrock", "ravine"])
def test_trajectory_matches_torch_optim(surface, name, kwargs):
    steps = 40
    path = trajectory(surface, getattr(nn, name), surface.start, steps, **kwargs)
    p = torch.tensor(surface.start, dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, name)([p], **kwargs)
    expected = [p.detach().numpy().copy()]
    for _ in range(steps):
        opt.zero_grad()
        _torch_value(surface, p).backward()
        opt.step()
        expected.append(p.detach().numpy().copy())
    assert path.shape == (steps + 1, 2)
    np.testing.assert_allclose(path, np.array(expected), rtol=1e-9, atol=1e-12)


def test_plain_gradient_descent_on_the_ravine_follows_the_closed_form():
    ravine = Ravine(curvature=20)
    lr = 0.05
    path = trajectory(ravine, nn.SGD, ravine.start, 30, lr=lr)
    k = np.arange(31)
    np.testing.assert_allclose(path[:, 0], ravine.start[0] * (1 - lr) ** k, rtol=1e-12)
    np.testing.assert_allclose(path[:, 1], ravine.start[1] * (1 - lr * 20) ** k, rtol=1e-12, atol=1e-300)


def test_divergent_run_stops_early_without_warnings():
    ravine = Ravine(curvature=20)
    with np.errstate(all="raise"):
        path = trajectory(ravine, nn.SGD, ravine.start, 1000, lr=0.2, limit=1e3)
    assert len(path) < 1001
    assert np.abs(path[-1]).max() > 1e3 and np.all(np.abs(path[:-1]) <= 1e3)


def test_trajectory_rejects_bad_arguments():
    with pytest.raises(TypeError, match="class"):
        trajectory(Bowl(), nn.SGD([nn.Parameter(np.zeros(2))], lr=0.1), [1.0, 1.0], 5)
    with pytest.raises(ValueError, match="steps"):
        trajectory(Bowl(), nn.SGD, [1.0, 1.0], -1, lr=0.1)
    with pytest.raises(ShapeError):
        trajectory(Bowl(), nn.SGD, [[1.0, 1.0]], 5, lr=0.1)


def test_registry_and_plots():
    assert set(SURFACES) == {"ravine", "rosenbrock", "bowl"}
    fig, ax = plt.subplots()
    surface = Rosenbrock()
    surface.plot(ax, resolution=40)
    plot_path(trajectory(surface, nn.Adam, surface.start, 10, lr=0.1), ax=ax, label="Adam")
    assert ax.get_xlim() == surface.xlim and ax.get_ylim() == surface.ylim
    assert any(line.get_label() == "Adam" for line in ax.lines)
    with pytest.raises(ShapeError):
        plot_path(np.zeros((3, 3)), ax=ax)
    plt.close(fig)
