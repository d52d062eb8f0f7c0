"""labkit.nn.neuron: the reference neuron and perceptron of lesson 01."""

import numpy as np
import pytest
import torch

from labkit.errors import NotFittedError, ShapeError
from labkit.nn.neuron import Neuron, Perceptron

GATE_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)


def test_neuron_matches_torch_linear_with_sigmoid():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(10, 4))
    w = rng.normal(size=4)
    b = 0.7
    lin = torch.nn.Linear(4, 1, dtype=torch.float64)
    with torch.no_grad():
        lin.weight.copy_(torch.tensor(w)[None])
        lin.bias.fill_(b)
    expected = torch.sigmoid(lin(torch.tensor(X)))[:, 0].detach().numpy()
    np.testing.assert_allclose(Neuron(w, b, "sigmoid")(X), expected, rtol=1e-12)
    np.testing.assert_allclose(Neuron(w, b, "step")(X), (X @ w + b >= 0).astype(float))


def test_sigmoid_does_not_overflow():
    out = Neuron([1.0], 0.0, "sigmoid")(np.array([[-1000.0], [1000.0]]))
    np.testing.assert_allclose(out, [0.0, 1.0])


def test_neuron_bad_input():
    with pytest.raises(ShapeError, match=r"expected x of shape \(2,\) or \(N, 2\), got \(3,\)"):
        Neuron([1.0, 2.0])(np.ones(3))
    with pytest.raises(ValueError, match="activation must be one of"):
        Neuron([1.0], activation="relu")


@pytest.mark.parametrize("gate,y", [("AND", [0, 0, 0, 1]), ("OR", [0, 1, 1, 1]), ("NAND", [1, 1, 1, 0])])
def test_perceptron_learns_separable_gates(gate, y):
    p = Perceptron(lr=0.1, epochs=50).fit(GATE_X, y)
    assert p.converged_ and p.score(GATE_X, y) == 1.0, (gate, p.errors_)


def test_perceptron_cannot_learn_xor():
    p = Perceptron(lr=0.1, epochs=100).fit(GATE_X, [0, 1, 1, 0])
    assert not p.converged_ and len(p.errors_) == 100 and min(p.errors_) > 0
    assert p.score(GATE_X, [0, 1, 1, 0]) <= 0.75


def test_perceptron_shuffle_is_seeded():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(40, 2))
    y = (X[:, 0] - X[:, 1] > 0).astype(int)
    a = Perceptron(shuffle=True, seed=3).fit(X, y)
    b = Perceptron(shuffle=True, seed=3).fit(X, y)
    np.testing.assert_array_equal(a.weights_, b.weights_)


def test_perceptron_errors():
    with pytest.raises(NotFittedError):
        Perceptron().predict(GATE_X)
    with pytest.raises(ValueError, match="labels 0 and 1"):
        Perceptron().fit(GATE_X, [0, 2, 1, 0])
    with pytest.raises(ShapeError, match=r"y of shape \(4,\)"):
        Perceptron().fit(GATE_X, [0, 1])
    with pytest.raises(ValueError, match="lr must be > 0"):
        Perceptron(lr=0).fit(GATE_X, [0, 0, 0, 1])
