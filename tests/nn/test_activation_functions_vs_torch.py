"""labkit.nn.activations' functions of a number or an array (lesson 02's references) against PyTorch."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from labkit.nn import activations as act

Z = np.concatenate([np.linspace(-12, 12, 97), [0.0, -0.0, 1e-9, -1e-9, 40.0, -40.0]])


def torch_slope(fn, z):
    t = torch.tensor(z, dtype=torch.float64, requires_grad=True)
    fn(t).sum().backward()
    return t.grad.numpy()


@pytest.mark.parametrize("ours, ours_prime, theirs", [
    (act.sigmoid, act.sigmoid_prime, torch.sigmoid),
    (act.tanh, act.tanh_prime, torch.tanh),
    (act.relu, act.relu_prime, torch.relu),
    (lambda z: act.leaky_relu(z, 0.1), lambda z: act.leaky_relu_prime(z, 0.1),
     lambda t: torch.nn.functional.leaky_relu(t, 0.1)),
    (act.leaky_relu, act.leaky_relu_prime, torch.nn.functional.leaky_relu),
], ids=["sigmoid", "tanh", "relu", "leaky_relu_0.1", "leaky_relu_default"])
def test_values_and_slopes_match_torch(ours, ours_prime, theirs):
    expected = theirs(torch.tensor(Z, dtype=torch.float64)).numpy()
    np.testing.assert_allclose(ours(Z), expected, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(ours_prime(Z), torch_slope(theirs, Z), rtol=1e-12, atol=1e-15)
    grid = Z[:12].reshape(3, 4)  # any shape, kept
    assert ours_prime(grid).shape == (3, 4)


def test_numbers_and_lists_are_accepted():
    assert float(act.sigmoid_prime(0.0)) == pytest.approx(0.25) and float(act.sigmoid(0)) == 0.5
    assert float(act.tanh_prime(0)) == pytest.approx(1.0)
    assert act.relu([-1, 2]).tolist() == [0.0, 2.0]
    assert f"{act.sigmoid_prime(5.0):.2e}" == f"{0.0066480566707901546:.2e}"


@pytest.mark.parametrize("axis", [-1, 0, 1])
def test_softmax_matches_torch_and_does_not_overflow(axis):
    z = np.random.default_rng(0).normal(0, 3, size=(4, 5)) + np.array([0, 0, 0, 0, 800.0])
    expected = torch.softmax(torch.tensor(z), dim=axis).numpy()
    np.testing.assert_allclose(act.softmax(z, axis=axis), expected, rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(act.softmax([2.0, 1.0, 0.2, -1.0]),
                               torch.softmax(torch.tensor([2.0, 1.0, 0.2, -1.0], dtype=torch.float64), 0).numpy())
