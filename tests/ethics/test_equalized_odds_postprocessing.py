"""Randomized equalized-odds post-processing against Fairlearn's ThresholdOptimizer."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from fairlearn.postprocessing import ThresholdOptimizer  # noqa: E402
from sklearn.base import BaseEstimator  # noqa: E402
from sklearn.metrics import roc_curve  # noqa: E402

from labkit.errors import NotFittedError  # noqa: E402
from labkit.ethics.fairness import EqualizedOddsThresholds, plot_roc_by_group, roc_points, upper_hull  # noqa: E402


class ScoreColumn(BaseEstimator):
    """Predicts the first column: lets Fairlearn post-process ready-made scores."""

    def fit(self, X, y):
        self.fitted_ = True
        return self

    def predict(self, X):
        return np.asarray(X)[:, 0]


def unequal_curves(seed: int, n: int = 4000):
    """Scores that separate the classes better in group "a" than in "b", with different base rates."""
    rng = np.random.default_rng(seed)
    groups = rng.choice(["a", "b"], n, p=[0.65, 0.35])
    y_true = (rng.random(n) < np.where(groups == "a", 0.6, 0.4)).astype(int)
    y_score = np.round(rng.normal(y_true * np.where(groups == "a", 1.6, 0.7) + 0.3 * (groups == "a"), 1.0), 2)
    return y_score, y_true, groups


def rates(probability, y_true, groups):
    """(TPR, FPR) per group, in expectation when ``probability`` is the chance of approval."""
    return {g: (probability[(groups == g) & (y_true == 1)].mean(), probability[(groups == g) & (y_true == 0)].mean())
            for g in np.unique(groups)}


def fairlearn_fit(y_score, y_true, groups, objective):
    name = {"accuracy": "accuracy_score", "balanced_accuracy": "balanced_accuracy_score"}[objective]
    return ThresholdOptimizer(estimator=ScoreColumn().fit(y_score[:, None], y_true), constraints="equalized_odds",
                              objective=name, prefit=True, predict_method="predict").fit(
        y_score[:, None], y_true, sensitive_features=groups)


def test_roc_points_match_sklearn():
    y_score, y_true, _ = unequal_curves(0, 500)
    fpr, tpr, thresholds = roc_points(y_score, y_true)
    ref_fpr, ref_tpr, ref_thr = roc_curve(y_true, y_score, drop_intermediate=False)
    np.testing.assert_allclose(fpr, ref_fpr)
    np.testing.assert_allclose(tpr, ref_tpr)
    np.testing.assert_allclose(thresholds[1:], ref_thr[1:])
    assert thresholds[0] == np.inf


def test_upper_hull_is_concave_and_above_every_point():
    y_score, y_true, _ = unequal_curves(1, 400)
    fpr, tpr, _ = roc_points(y_score, y_true)
    hull = upper_hull(fpr, tpr)
    hf, ht = fpr[hull], tpr[hull]
    assert np.all(np.diff(hf) > 0) and hf[-1] == 1 and ht[-1] == 1
    slopes = np.diff(ht) / np.diff(hf)
    assert np.all(np.diff(slopes) <= 1e-12)  # concave
    assert np.all(np.interp(fpr, hf, ht) >= tpr - 1e-12)


def test_deterministic_thresholds_cannot_match_both_rates():
    """The premise: with unequal ROC curves, no pair of thresholds gives equal TPR and equal FPR."""
    y_score, y_true, groups = unequal_curves(2)
    (fa, ta, _), (fb, tb, _) = (roc_points(y_score[groups == g], y_true[groups == g]) for g in ("a", "b"))
    gap = np.maximum(np.abs(fa[:, None] - fb[None, :]), np.abs(ta[:, None] - tb[None, :]))
    middle = (ta[:, None] > 0.2) & (ta[:, None] < 0.9)  # away from approving nobody or everybody, where all curves meet
    assert gap[np.broadcast_to(middle, gap.shape)].min() > 0.03


@pytest.mark.parametrize("objective", ["accuracy", "balanced_accuracy"])
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_equal_rates_and_at_least_fairlearns_objective(seed, objective):
    y_score, y_true, groups = unequal_curves(seed)
    ours = EqualizedOddsThresholds(objective).fit(y_score, y_true, groups=groups)
    theirs = fairlearn_fit(y_score, y_true, groups, objective)
    p_ours = ours.predict_proba(y_score, groups=groups)
    p_theirs = theirs._pmf_predict(y_score[:, None], sensitive_features=groups)[:, 1]
    r_ours, r_theirs = rates(p_ours, y_true, groups), rates(p_theirs, y_true, groups)
    # in expectation, on the fitting data: exactly equal for ours (Fairlearn's grid is 0.001 wide)
    np.testing.assert_allclose(r_ours["a"], r_ours["b"], atol=1e-9)
    np.testing.assert_allclose(r_ours["a"], ours.point_[::-1], atol=1e-9)
    np.testing.assert_allclose(r_theirs["a"], r_theirs["b"], atol=2e-3)
    expected = {"accuracy": lambda p: np.mean(p * y_true + (1 - p) * (1 - y_true)),
                "balanced_accuracy": lambda p: (p[y_true == 1].mean() + 1 - p[y_true == 0].mean()) / 2}[objective]
    assert expected(p_ours) == pytest.approx(getattr(ours, f"{objective}_"), abs=1e-9)
    assert expected(p_ours) >= expected(p_theirs) - 1e-9  # exact search: never worse than the grid
    assert expected(p_ours) - expected(p_theirs) < 2e-3  # and the same optimum
    # sampled decisions on fresh data from the same population: both equal within sampling error
    f_score, f_true, f_groups = unequal_curves(seed + 100, 40000)
    for decisions in (ours.predict(f_score, groups=f_groups, random_state=0),
                      theirs.predict(f_score[:, None], sensitive_features=f_groups, random_state=0)):
        r = rates(decisions.astype(float), f_true, f_groups)
        counts = [np.sum((f_groups == g) & (f_true == y)) for g in ("a", "b") for y in (1, 0)]
        se = np.sqrt(0.25 / min(counts) * 2 + 0.25 / (min(counts) / 10) * 2)  # fresh + fitting noise, generous
        assert abs(r["a"][0] - r["b"][0]) < 3 * se and abs(r["a"][1] - r["b"][1]) < 3 * se


def test_the_group_with_the_higher_hull_flips_a_coin():
    y_score, y_true, groups = unequal_curves(5)
    fitted = EqualizedOddsThresholds("balanced_accuracy").fit(y_score, y_true, groups=groups)
    assert fitted.mixes_["a"].p_random > 0 and fitted.mixes_["b"].p_random == 0
    assert fitted.mixes_["a"].threshold_low <= fitted.mixes_["a"].threshold_high


def test_predict_is_reproducible_and_errors_say_what_to_do():
    y_score, y_true, groups = unequal_curves(6, 600)
    with pytest.raises(NotFittedError):
        EqualizedOddsThresholds().predict(y_score, groups=groups)
    with pytest.raises(ValueError, match="objective"):
        EqualizedOddsThresholds("f1").fit(y_score, y_true, groups=groups)
    fitted = EqualizedOddsThresholds().fit(y_score, y_true, groups=groups)
    np.testing.assert_array_equal(fitted.predict(y_score, groups=groups, random_state=3),
                                  fitted.predict(y_score, groups=groups, random_state=3))
    with pytest.raises(ValueError, match="not seen in fit"):
        fitted.predict(y_score[:2], groups=np.array(["a", "z"]))
    with pytest.raises(ValueError, match="only outcome"):
        EqualizedOddsThresholds().fit(y_score, np.where(groups == "b", 1, y_true), groups=groups)
    ax = plot_roc_by_group(y_score, y_true, groups=groups, fitted=fitted)
    assert len(ax.lines) == 2 * 2 + 2
