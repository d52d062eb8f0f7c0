"""labkit.depth: deep MLPs and per-layer gradient norms, checked against torch autograd done by hand."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn

from labkit.depth import INITS, deep_mlp, layer_gradient_norms


def test_structure_and_parameter_count():
    model = deep_mlp(64, width=32, depth=3, out_features=10)
    linears = [m for m in model if isinstance(m, nn.Linear)]
    assert [(l.in_features, l.out_features) for l in linears] == [(64, 32), (32, 32), (32, 32), (32, 10)]
    assert sum(p.numel() for p in model.parameters()) == 64 * 32 + 32 + 2 * (32 * 32 + 32) + 32 * 10 + 10
    assert model(torch.zeros(5, 64)).shape == (5, 10)
    assert len(deep_mlp(4, 8, 0, 3)) == 1  # depth 0: logistic regression


def test_same_seed_same_weights_and_inits_have_their_spread():
    a, b = deep_mlp(64, 128, 2, 10, seed=3), deep_mlp(64, 128, 2, 10, seed=3)
    for p, q in zip(a.parameters(), b.parameters()):
        assert torch.equal(p, q)
    stds = {init: float(deep_mlp(64, 128, 2, 10, init=init)[2].weight.detach().std()) for init in INITS}
    assert stds["small"] == pytest.approx(0.01, rel=0.05)
    assert stds["large"] == pytest.approx(1.0, rel=0.05)
    assert stds["kaiming"] == pytest.approx(np.sqrt(2 / 128), rel=0.05)
    assert stds["xavier"] == pytest.approx(np.sqrt(2 / 256), rel=0.05)
    assert stds["default"] == pytest.approx(1 / np.sqrt(128) / np.sqrt(3), rel=0.05)  # U(-a, a) has std a/sqrt(3)
    assert float(deep_mlp(64, 128, 2, 10, init="kaiming")[2].bias.detach().abs().max()) == 0.0


def test_gradient_norms_match_torch_autograd():
    torch.manual_seed(0)
    X, y = torch.randn(30, 6), torch.randint(0, 4, (30,))
    model = deep_mlp(6, 5, 3, 4, activation="tanh", seed=1)
    norms = layer_gradient_norms(model, X.numpy(), y.numpy())
    loss = nn.functional.cross_entropy(model(X), y)
    weights = [m.weight for m in model if isinstance(m, nn.Linear)]
    grads = torch.autograd.grad(loss, weights)
    np.testing.assert_allclose(norms, [float(g.norm()) for g in grads], rtol=1e-5)
    assert all(p.grad is None for p in model.parameters()), "measuring must not leave gradients behind"


def test_gradients_vanish_through_deep_sigmoid_layers_and_not_with_kaiming_relu():
    torch.manual_seed(0)
    X, y = torch.rand(256, 64), torch.randint(0, 10, (256,))
    sigmoid = layer_gradient_norms(deep_mlp(64, 32, 10, 10, activation="sigmoid"), X, y)
    relu = layer_gradient_norms(deep_mlp(64, 32, 10, 10, activation="relu", init="kaiming"), X, y)
    assert sigmoid[0] / sigmoid[-1] < 1e-3
    assert 0.05 < relu[0] / relu[-1] < 20
    large = layer_gradient_norms(deep_mlp(64, 32, 10, 10, activation="relu", init="large"), X, y)
    assert np.all(large > 1e3 * relu)  # exploding: every layer's gradient is thousands of times too large


def test_existing_gradients_are_kept():
    model = deep_mlp(3, 4, 1, 2)
    for p in model.parameters():
        p.grad = torch.ones_like(p)
    layer_gradient_norms(model, np.ones((2, 3), dtype=np.float32), np.array([0, 1]))
    assert all(torch.equal(p.grad, torch.ones_like(p)) for p in model.parameters())


@pytest.mark.parametrize("kwargs, words", [
    (dict(depth=-1), "depth"), (dict(width=0), "width"), (dict(activation="softmax"), "activation"),
    (dict(init="zeros"), "init"), (dict(depth=2.5), "depth"),
])
def test_bad_arguments_are_named(kwargs, words):
    args = dict(in_features=4, width=8, depth=2, out_features=3) | kwargs
    with pytest.raises(ValueError, match=words):
        deep_mlp(**args)


def test_bad_data_is_named():
    model = deep_mlp(4, 8, 1, 3)
    with pytest.raises(ValueError, match=r"\(N, 4\)"):
        layer_gradient_norms(model, np.ones((5, 3)), np.zeros(5, dtype=int))
    with pytest.raises(ValueError, match="y has 4"):
        layer_gradient_norms(model, np.ones((5, 4)), np.zeros(4, dtype=int))
    with pytest.raises(ValueError, match="no nn.Linear"):
        layer_gradient_norms(nn.Sequential(nn.ReLU()), np.ones((5, 4)), np.zeros(5, dtype=int))
