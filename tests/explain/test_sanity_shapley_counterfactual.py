"""Spearman's rho with average ranks (against scipy), exact and sampled Shapley values, counterfactuals."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import torch
from scipy.stats import rankdata, spearmanr

from labkit.explain.counterfactual import counterfactual
from labkit.explain.sanity import average_ranks, randomize_top_layers, sanity_check, spearman_correlation
from labkit.explain.shapley import as_game, coalition_values, sampled_shapley_values, shapley_values


@pytest.mark.parametrize("seed", range(20))
def test_spearman_matches_scipy_on_heavily_tied_vectors(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 80))
    a = rng.integers(0, 4, n) * rng.choice([0.0, 1.0], n)  # mostly zeros and few distinct values, like |maps|
    b = np.round(rng.normal(size=n), 1) * (rng.random(n) < 0.4)
    assert np.allclose(average_ranks(a) + 1, rankdata(a))  # scipy counts ranks from 1
    assert spearman_correlation(a, b) == pytest.approx(spearmanr(a, b)[0], abs=1e-12)


def test_ordinal_ranks_on_ties_are_not_spearman():
    a = np.array([0, 0, 0, 0, 1, 2.0])
    b = np.array([0, 0, 0, 0, 2, 1.0])
    ordinal = np.corrcoef(np.argsort(np.argsort(a)), np.argsort(np.argsort(b[::-1])[::-1]))[0, 1]
    assert spearman_correlation(a, b) == pytest.approx(spearmanr(a, b)[0])
    assert abs(ordinal - spearmanr(a, b)[0]) > 0.05
    assert np.isnan(spearman_correlation(np.ones(4), np.arange(4)))


def test_sanity_check_entry_zero_is_one_and_input_control_stays_one():
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(6, 5), torch.nn.ReLU(), torch.nn.Linear(5, 3))
    x = torch.randn(4, 6) * (torch.rand(4, 6) < 0.5)  # many zeros: ties

    def grad(m, x, t):
        x = x.clone().requires_grad_(True)
        m(x)[:, t].sum().backward()
        return x.grad * x

    sims = sanity_check(net, grad, x, 1)
    assert sims.shape == (3,) and sims[0] == pytest.approx(1.0)
    assert np.allclose(sanity_check(net, lambda m, x, t: x, x, 1), 1.0)
    changed = randomize_top_layers(net, 1)
    assert torch.equal(changed[0].weight, net[0].weight) and not torch.equal(changed[2].weight, net[2].weight)


def _brute_force_shapley(v, n):
    """The definition: marginal contributions averaged over all n! orders."""
    phi = np.zeros(n)
    for order in itertools.permutations(range(n)):
        s = ()
        for i in order:
            phi[i] += v(tuple(sorted(s + (i,)))) - v(s)
            s = tuple(sorted(s + (i,)))
    return phi / math.factorial(n)


@pytest.mark.parametrize("seed", range(5))
def test_exact_shapley_matches_the_average_over_orders_and_is_efficient(seed):
    rng = np.random.default_rng(seed)
    n = 4
    table = {s: rng.normal() for k in range(n + 1) for s in itertools.combinations(range(n), k)}
    v = lambda s: table[tuple(sorted(s))]
    phi = shapley_values(v, n)
    assert np.allclose(phi, _brute_force_shapley(v, n))
    assert phi.sum() == pytest.approx(table[tuple(range(n))] - table[()])
    assert np.abs(sampled_shapley_values(v, n, 4000, seed=seed) - phi).max() < 0.1


def test_shapley_of_known_games():
    glove = lambda s: float((0 in s) and (1 in s or 2 in s))  # one left glove, two right gloves
    assert np.allclose(shapley_values(glove, 3), [2 / 3, 1 / 6, 1 / 6])
    additive = lambda s: sum([1.0, 2.0, -3.0][j] for j in s)
    assert np.allclose(shapley_values(additive, 3), [1.0, 2.0, -3.0])


def test_coalition_values_and_efficiency_on_a_model():
    torch.manual_seed(1)
    net = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 2)).double()
    x, background = torch.randn(2, 3, dtype=torch.float64), torch.randn(5, 3, dtype=torch.float64)
    out = lambda o: o[:, 1]
    values = coalition_values(net, x, background, out)
    assert values.shape == (2, 8)
    with torch.no_grad():
        assert values[0, 7] == pytest.approx(float(net(x[:1])[0, 1]))
        assert values[0, 0] == pytest.approx(float(net(background)[:, 1].mean()))
        mixed = background.clone()
        mixed[:, 0], mixed[:, 2] = x[1, 0], x[1, 2]
        assert values[1, 0b101] == pytest.approx(float(net(mixed)[:, 1].mean()))
    phi = shapley_values(as_game(values[1]), 3)
    assert phi.sum() == pytest.approx(values[1, 7] - values[1, 0])


def test_counterfactual_flips_a_linear_decision_and_keeps_frozen_features():
    net = torch.nn.Linear(3, 2).double()
    with torch.no_grad():
        net.weight.copy_(torch.tensor([[0.0, 0.0, 0.0], [1.0, 4.0, 1.0]]))
        net.bias.copy_(torch.tensor([0.0, -2.0]))
    x = torch.zeros(3, dtype=torch.float64)  # P(class 1) = sigmoid(-2): denied
    scale = torch.ones(3, dtype=torch.float64)
    result = counterfactual(net, x, 1, scale)
    assert result.flipped and result.probability > 0.5
    change = result.x_counterfactual - x
    assert abs(float(change[1])) > 5 * max(abs(float(change[0])), abs(float(change[2])))  # the cheapest feature
    frozen = counterfactual(net, x, 1, scale, mutable=torch.tensor([True, False, True]))
    assert frozen.flipped and float(frozen.x_counterfactual[1]) == 0.0
    assert frozen.distance > result.distance
