"""Calibration within groups (against scikit-learn) and bootstrap intervals for group rates."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from sklearn.calibration import calibration_curve  # noqa: E402

from labkit.ethics.fairness import (  # noqa: E402
    bootstrap_group_rates,
    calibration_by_group,
    calibration_error_by_group,
    plot_reliability_by_group,
)


def scored(seed: int, n: int = 3000):
    """Group "a" calibrated, group "b" over-confident."""
    rng = np.random.default_rng(seed)
    groups = rng.choice(["a", "b"], n, p=[0.7, 0.3])
    prob = rng.random(n)
    truth_prob = np.where(groups == "a", prob, 0.5 + 0.5 * (prob - 0.5))
    return (rng.random(n) < truth_prob).astype(int), prob, groups


@pytest.mark.parametrize("n_bins", [5, 10])
def test_reliability_matches_sklearn_per_group(n_bins):
    y_true, prob, groups = scored(0)
    table = calibration_by_group(y_true, prob, groups=groups, n_bins=n_bins)
    for g in ("a", "b"):
        rows = [r for r in table.rows() if r["group"] == g]
        frac, mean = calibration_curve(y_true[groups == g], prob[groups == g], n_bins=n_bins, strategy="uniform")
        np.testing.assert_allclose([r["positive_rate"] for r in rows], frac)
        np.testing.assert_allclose([r["mean_probability"] for r in rows], mean)
        assert sum(r["count"] for r in rows) == np.sum(groups == g)


def test_calibration_error_finds_the_overconfident_group():
    y_true, prob, groups = scored(1, 20000)
    errors = calibration_error_by_group(y_true, prob, groups=groups)
    assert errors["a"] < 0.02 and errors["b"] > 0.1  # b's error is about 0.5 * E|p - 0.5| = 0.125
    manual = 0.0
    member = groups == "b"
    bins = np.minimum((prob[member] * 10).astype(int), 9)
    for b in range(10):
        cell = bins == b
        manual += cell.mean() * abs(prob[member][cell].mean() - y_true[member][cell].mean())
    assert errors["b"] == pytest.approx(manual)
    with pytest.raises(ValueError, match="probabilities"):
        calibration_by_group(y_true, prob * 3, groups=groups)
    assert plot_reliability_by_group(y_true, prob, groups=groups).get_xlabel() == "mean score in the bin"


def test_bootstrap_interval_matches_the_normal_approximation():
    rng = np.random.default_rng(2)
    groups = np.array(["big"] * 2000 + ["small"] * 100)
    y_true = rng.integers(0, 2, len(groups))
    y_pred = (rng.random(len(groups)) < 0.6).astype(int)
    result = bootstrap_group_rates(y_true, y_pred, groups=groups, rate="selection_rate", n_resamples=4000)
    for g, n in (("big", 2000), ("small", 100)):
        r = result.rates[g]
        assert r == pytest.approx(y_pred[groups == g].mean())
        width = result.intervals[g][1] - result.intervals[g][0]
        assert width == pytest.approx(2 * 1.96 * np.sqrt(r * (1 - r) / n), rel=0.15)
    assert result.intervals["small"][1] - result.intervals["small"][0] > 3 * (result.intervals["big"][1] - result.intervals["big"][0])
    assert result.difference == pytest.approx(result.rates["small"] - result.rates["big"])
    assert result.difference_interval[0] < 0 < result.difference_interval[1]  # same true rate: no evidence of a gap


def test_bootstrap_coverage_of_a_tpr_gap():
    """A 95% interval of the TPR difference holds the true difference about 95% of the time."""
    hits = 0
    for seed in range(60):
        rng = np.random.default_rng(seed)
        groups = rng.choice(["a", "b"], 800, p=[0.7, 0.3])
        y_true = rng.integers(0, 2, 800)
        y_pred = (rng.random(800) < np.where(y_true == 1, np.where(groups == "a", 0.8, 0.7), 0.3)).astype(int)
        low, high = bootstrap_group_rates(y_true, y_pred, groups=groups, n_resamples=500, random_state=seed).difference_interval
        hits += low <= -0.1 <= high
    assert hits >= 51  # 60 * 0.95 = 57, binomial spread


def test_bootstrap_refuses_bad_arguments():
    y = np.array([1, 0, 1, 0])
    with pytest.raises(ValueError, match="rate"):
        bootstrap_group_rates(y, y, groups=np.array(list("aabb")), rate="precision")
    with pytest.raises(ValueError, match="no examples"):
        bootstrap_group_rates(np.array([1, 1, 0, 0]), y, groups=np.array(list("aabb")), rate="true_positive_rate")
