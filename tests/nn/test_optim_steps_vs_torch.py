"""labkit.nn.optim's one-step functions on arrays (lesson 06's references) against torch.optim, and
labkit.train.batches.minibatch_indices."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from labkit.nn.optim import adam_step, momentum_step, sgd_step
from labkit.train.batches import ArrayData, minibatch_indices

rng = np.random.default_rng(0)


def rosenbrock_grad(w):
    return np.array([-2 * (1 - w[0]) - 400 * w[0] * (w[1] - w[0] ** 2), 200 * (w[1] - w[0] ** 2)])


def torch_path(make, steps=25):
    w = torch.tensor([-1.5, 2.0], dtype=torch.float64, requires_grad=True)
    optimizer = make([w])
    path = []
    for _ in range(steps):
        optimizer.zero_grad()
        ((1 - w[0]) ** 2 + 100 * (w[1] - w[0] ** 2) ** 2).backward()
        optimizer.step()
        path.append(w.detach().numpy().copy())
    return np.array(path)


def test_sgd_step_matches_torch():
    w, path = np.array([-1.5, 2.0]), []
    for _ in range(25):
        w = sgd_step(w, rosenbrock_grad(w), 1e-3)
        path.append(w)
    np.testing.assert_allclose(path, torch_path(lambda p: torch.optim.SGD(p, lr=1e-3)), rtol=1e-12)


def test_momentum_step_matches_torch():
    w, v, path = np.array([-1.5, 2.0]), np.zeros(2), []
    for _ in range(25):
        w, v = momentum_step(w, rosenbrock_grad(w), v, 1e-3, 0.9)
        path.append(w)
    np.testing.assert_allclose(path, torch_path(lambda p: torch.optim.SGD(p, lr=1e-3, momentum=0.9)), rtol=1e-10)


def test_adam_step_matches_torch_and_counts_steps():
    w, m, v, t, path = np.array([-1.5, 2.0]), np.zeros(2), np.zeros(2), 0, []
    for _ in range(25):
        w, m, v, t = adam_step(w, rosenbrock_grad(w), m, v, t, lr=0.1)
        path.append(w)
    assert t == 25
    np.testing.assert_allclose(path, torch_path(lambda p: torch.optim.Adam(p, lr=0.1)), rtol=1e-10)


def test_inputs_are_not_changed():
    params, grad = rng.normal(size=(3, 2)), rng.normal(size=(3, 2))
    before = params.copy()
    new = sgd_step(params, grad, 0.5)
    np.testing.assert_array_equal(params, before)
    np.testing.assert_allclose(new, params - 0.5 * grad)


@pytest.mark.parametrize("n, batch_size", [(10, 3), (64, 32), (5, 8), (1, 1)])
def test_minibatch_indices_cover_every_example_once_in_arraydata_order(n, batch_size):
    batches = list(minibatch_indices(n, batch_size, np.random.default_rng(4)))
    assert all(len(b) <= batch_size for b in batches) and all(len(b) == batch_size for b in batches[:-1])
    assert sorted(np.concatenate(batches).tolist()) == list(range(n))
    X = np.arange(n, dtype=float)[:, None]
    same = [xb[:, 0].astype(int).tolist() for xb, _ in ArrayData(X, np.arange(n)).batches(batch_size, np.random.default_rng(4))]
    assert same == [b.tolist() for b in batches]
    with pytest.raises(ValueError, match="batch_size"):
        list(minibatch_indices(4, 0, np.random.default_rng(0)))
