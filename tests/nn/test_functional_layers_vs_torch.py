"""labkit.nn's functions of arrays (linear_forward, linear_backward, layers_forward, relative_error),
the references lessons 03 and 05 draw with, against PyTorch and NumPy."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from labkit.errors import ShapeError
from labkit.nn.gradcheck import numerical_gradient, relative_error
from labkit.nn.linear import linear_backward, linear_forward
from labkit.nn.sequential import layers_forward

rng = np.random.default_rng(3)


def test_linear_forward_and_backward_match_torch():
    x, W, b, G = rng.normal(size=(5, 3)), rng.normal(size=(2, 3)), rng.normal(size=2), rng.normal(size=(5, 2))
    tx, tW, tb = (torch.tensor(a, requires_grad=True) for a in (x, W, b))
    out = torch.nn.functional.linear(tx, tW, tb)
    (out * torch.tensor(G)).sum().backward()
    np.testing.assert_allclose(linear_forward(x, W, b), out.detach().numpy(), rtol=1e-12)
    np.testing.assert_allclose(linear_forward(x[0], W, b), out.detach().numpy()[0], rtol=1e-12)  # one example (in,)
    for ours, theirs in zip(linear_backward(x, W, G), (tx.grad, tW.grad, tb.grad)):
        np.testing.assert_allclose(ours, theirs.numpy(), rtol=1e-12)
    with pytest.raises(ShapeError, match=r"weight \(out, in\)"):
        linear_forward(x, W.T, b)
    with pytest.raises(ShapeError):
        linear_backward(x, W, G.T)


@pytest.mark.parametrize("activation, torch_activation", [(np.tanh, torch.nn.Tanh()),
                                                          (lambda z: np.maximum(z, 0.0), torch.nn.ReLU())])
def test_layers_forward_matches_a_torch_sequential(activation, torch_activation):
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(2, 4), torch_activation, torch.nn.Linear(4, 3),
                              torch_activation, torch.nn.Linear(3, 1)).double()
    layers = [(m.weight.detach().numpy(), m.bias.detach().numpy()) for m in net if isinstance(m, torch.nn.Linear)]
    x = rng.normal(size=(6, 2))
    np.testing.assert_allclose(layers_forward(x, layers, activation), net(torch.tensor(x)).detach().numpy(), rtol=1e-12)
    assert layers_forward(x[0], layers, activation).shape == (1,)


def test_relative_error():
    a = rng.normal(size=(3, 4))
    assert relative_error(a, a) == 0.0
    b = a + 1e-3
    assert relative_error(a, b) == pytest.approx(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    x = rng.normal(size=(2, 3))
    analytic = 2 * x
    assert relative_error(analytic, numerical_gradient(lambda: float(np.sum(x ** 2)), x)) < 1e-8
    with pytest.raises(ValueError, match="same shape"):
        relative_error(a, a.T)
