"""Reweighing, group thresholds and the trade-off sweep."""

from __future__ import annotations

import itertools
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from fairlearn.metrics import demographic_parity_difference, equal_opportunity_difference  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from labkit.errors import NotFittedError  # noqa: E402
from labkit.ethics.fairness import (  # noqa: E402
    FairnessWarning,
    GroupThresholds,
    plot_fairness_tradeoff,
    reweighing_weights,
    threshold_sweep,
)


def biased_scores(seed: int, n: int = 300):
    """Scores that run higher for group "a" than for group "b" at the same label."""
    rng = np.random.default_rng(seed)
    groups = rng.choice(["a", "b"], n, p=[0.6, 0.4])
    y_true = (rng.random(n) < np.where(groups == "a", 0.6, 0.3)).astype(int)
    y_score = np.clip(0.35 * y_true + 0.15 * (groups == "a") + 0.5 * rng.random(n), 0, 1)
    return y_score, y_true, groups


@settings(max_examples=30, deadline=None)
@given(labels=st.lists(st.tuples(st.integers(0, 1), st.sampled_from("xyz")), min_size=1, max_size=50))
def test_reweighing_makes_label_and_group_independent(labels):
    y_true = np.array([y for y, _ in labels])
    groups = np.array([g for _, g in labels])
    weights = reweighing_weights(y_true, groups=groups)
    assert weights.shape == y_true.shape and np.all(weights > 0)
    if all(len(np.unique(y_true[groups == g])) == len(np.unique(y_true)) for g in np.unique(groups)):
        assert weights.mean() == pytest.approx(1.0)  # every (group, label) cell occupied
    overall = y_true.mean()
    for g in np.unique(groups):
        member = groups == g
        if len(np.unique(y_true[member])) == 2:  # a group with one label cannot be rebalanced
            weighted_rate = (weights[member] * y_true[member]).sum() / weights[member].sum()
            assert weighted_rate == pytest.approx(overall)
        for y in (0, 1):  # Kamiran & Calders: w = P(g) P(y) / P(g, y), from counts
            cell = member & (y_true == y)
            if cell.any():
                expected = (member.mean() * (y_true == y).mean()) / cell.mean()
                np.testing.assert_allclose(weights[cell], expected)


@pytest.mark.parametrize("criterion", ["demographic_parity", "equal_opportunity"])
@pytest.mark.parametrize("tolerance", [0.0, 0.05, 0.2])
def test_group_thresholds_are_the_best_feasible_pair_on_the_grid(criterion, tolerance):
    y_score, y_true, groups = biased_scores(0)
    grid = np.linspace(0, 1, 21)
    fitted = GroupThresholds(criterion, tolerance, grid).fit(y_score, y_true, groups=groups)
    assert fitted.gap_ <= tolerance + 1e-12

    def rate(decisions, member):
        rows = member if criterion == "demographic_parity" else member & (y_true == 1)
        return decisions[rows].mean()

    best = -1.0
    for t_a, t_b in itertools.product(grid, grid):  # brute force over every pair
        decisions = (y_score >= np.where(groups == "a", t_a, t_b)).astype(int)
        if abs(rate(decisions, groups == "a") - rate(decisions, groups == "b")) <= tolerance + 1e-12:
            best = max(best, (decisions == y_true).mean())
    assert fitted.accuracy_ == pytest.approx(best)

    decisions = fitted.predict(y_score, groups=groups)
    assert (decisions == y_true).mean() == pytest.approx(fitted.accuracy_)
    metric = demographic_parity_difference if criterion == "demographic_parity" else equal_opportunity_difference
    assert metric(y_true, decisions, sensitive_features=groups) == pytest.approx(fitted.gap_)


def test_group_thresholds_reduce_the_gap_of_a_shared_threshold():
    y_score, y_true, groups = biased_scores(1)
    shared = (y_score >= 0.5).astype(int)
    before = demographic_parity_difference(y_true, shared, sensitive_features=groups)
    fitted = GroupThresholds("demographic_parity", 0.02).fit(y_score, y_true, groups=groups)
    after = demographic_parity_difference(y_true, fitted.predict(y_score, groups=groups), sensitive_features=groups)
    assert before > 0.2 and after <= 0.02 + 1e-12
    assert fitted.thresholds_["a"] > fitted.thresholds_["b"]


def test_group_thresholds_errors_and_warnings():
    y_score, y_true, groups = biased_scores(2, n=60)
    with pytest.raises(NotFittedError, match="fit"):
        GroupThresholds().predict(y_score, groups=groups)
    with pytest.raises(ValueError, match="criterion should be one of"):
        GroupThresholds("equalized_parity").fit(y_score, y_true, groups=groups)
    with pytest.raises(ValueError, match="raise the tolerance"):
        GroupThresholds("demographic_parity", 0.0, thresholds=[0.5]).fit(y_score, y_true, groups=groups)
    fitted = GroupThresholds().fit(y_score, y_true, groups=groups)
    with pytest.raises(ValueError, match="not seen in fit"):
        fitted.predict(y_score[:2], groups=["a", "zzz"])
    y_true_no_b_positives = np.where(groups == "b", 0, y_true)
    with pytest.warns(FairnessWarning, match="group 'b' has no positive examples"):
        GroupThresholds("equal_opportunity").fit(y_score, y_true_no_b_positives, groups=groups)


def test_threshold_sweep_matches_fairlearn_and_the_plot_draws():
    y_score, y_true, groups = biased_scores(3, n=120)
    thresholds = [0.2, 0.5, 0.8]
    sweep = threshold_sweep(y_score, y_true, groups=groups, thresholds=thresholds)
    assert len(sweep) == 3
    for row in sweep.rows():
        decisions = (y_score >= row["threshold"]).astype(int)
        assert row["accuracy"] == pytest.approx((decisions == y_true).mean())
        assert row["demographic_parity_difference"] == pytest.approx(
            demographic_parity_difference(y_true, decisions, sensitive_features=groups))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the plot must not spray warnings
        figure = plot_fairness_tradeoff(y_score, y_true, groups=groups, criterion="equal_opportunity",
                                        thresholds=np.linspace(0, 1, 21), tolerances=(0.0, 0.1))
    assert len(figure.axes[0].collections) == 3  # the sweep and two group-threshold stars
    plt.close(figure)
