"""Permutation importance on tabular models whose true importances are known."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from labkit.explain import permutation_importance


def test_callable_model_unused_features_score_zero_and_the_used_one_scores_high():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 4))
    y = (X[:, 1] > 0).astype(int)
    result = permutation_importance(lambda table: (table[:, 1] > 0).astype(int), X, y, n_repeats=4, seed=0)
    assert result.baseline_score == 1.0
    assert result.importances.shape == (4, 4)
    np.testing.assert_array_equal(result.importances[[0, 2, 3]], 0.0)
    assert 0.35 < result.importances_mean[1] < 0.65  # shuffling a balanced label source: accuracy ~ 0.5
    np.testing.assert_allclose(result.importances_mean, result.importances.mean(axis=1))
    np.testing.assert_allclose(result.importances_std, result.importances.std(axis=1))


def test_importance_is_the_score_drop_of_each_shuffle_and_is_seeded():
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(50, 2)), rng.integers(0, 2, size=50)
    model = lambda table: (table[:, 0] + table[:, 1] > 0).astype(int)  # noqa: E731
    result = permutation_importance(model, X, y, n_repeats=3, seed=7)
    again = permutation_importance(model, X, y, n_repeats=3, seed=7)
    np.testing.assert_array_equal(result.importances, again.importances)
    # replay the shuffles with the same generator, in the same order
    replay_rng, base = np.random.default_rng(7), np.mean(model(X) == y)
    for feature in range(2):
        for repeat in range(3):
            shuffled = X.copy()
            shuffled[:, feature] = X[replay_rng.permutation(50), feature]
            assert result.importances[feature, repeat] == pytest.approx(base - np.mean(model(shuffled) == y))


def test_torch_classifier_and_regression_metric():
    torch.manual_seed(0)
    model = torch.nn.Linear(3, 2)
    with torch.no_grad():
        model.weight.copy_(torch.tensor([[0.0, 0.0, 0.0], [0.0, 0.0, 1.0]]))
        model.bias.zero_()
    X = torch.randn(200, 3)
    y = (X[:, 2] > 0).long()
    result = permutation_importance(model, X, y, n_repeats=2)
    assert result.baseline_score == 1.0 and result.importances_mean[2] > 0.3
    np.testing.assert_array_equal(result.importances_mean[:2], 0.0)

    regressor = torch.nn.Linear(3, 1)
    with torch.no_grad():
        regressor.weight.copy_(torch.tensor([[2.0, 0.0, 0.0]]))
        regressor.bias.zero_()
    target = 2.0 * X[:, 0]
    negative_mse = lambda t, p: -float(np.mean((t - p) ** 2))  # noqa: E731
    result = permutation_importance(regressor, X, target, metric=negative_mse, n_repeats=2)
    assert result.baseline_score == pytest.approx(0.0, abs=1e-10)
    assert result.importances_mean[0] > 1.0 and np.all(result.importances_mean[1:] == 0)


def test_bad_tables_are_rejected():
    with pytest.raises(ValueError, match=r"shape \(N, F\)"):
        permutation_importance(lambda t: t, np.zeros(5), np.zeros(5))
    with pytest.raises(ValueError, match="one target per row"):
        permutation_importance(lambda t: t[:, 0], np.zeros((5, 2)), np.zeros(4))
