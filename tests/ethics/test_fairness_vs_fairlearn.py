"""Group metrics and fairness gaps against Fairlearn, on random decisions and groups.

Fairlearn reports a true positive rate of 0 for a group without positive examples;
labkit reports nan, warns, and leaves the group out of the gaps that need that rate.
So where a rate is undefined the expected gap is Fairlearn's on the groups that have it.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from fairlearn.metrics import (
    MetricFrame,
    count,
    demographic_parity_difference,
    demographic_parity_ratio,
    equal_opportunity_difference,
    equalized_odds_difference,
    false_positive_rate,
    selection_rate,
    true_positive_rate,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import accuracy_score

from labkit.errors import ShapeError
from labkit.ethics import fairness as lf
from labkit.ethics.fairness import FairnessWarning


@st.composite
def decisions(draw):
    """y_true, y_pred, groups (N,), sometimes with a one-member group and a group without positives."""
    n = draw(st.integers(2, 60))
    labels = draw(st.sampled_from([["a", "b", "c"], [0, 1], [3, 7, 9, 11], [True, False]]))
    y_true = draw(st.lists(st.integers(0, 1), min_size=n, max_size=n))
    y_pred = draw(st.lists(st.integers(0, 1), min_size=n, max_size=n))
    groups = draw(st.lists(st.sampled_from(labels), min_size=n, max_size=n))
    if draw(st.booleans()) and not isinstance(labels[0], bool):
        solo = "solo" if isinstance(labels[0], str) else 100
        y_true, y_pred, groups = y_true + [draw(st.integers(0, 1))], y_pred + [draw(st.integers(0, 1))], groups + [solo]
    if draw(st.booleans()) and not isinstance(labels[0], bool):
        k = draw(st.integers(1, 5))
        empty = "no positives" if isinstance(labels[0], str) else 200
        decided = draw(st.lists(st.integers(0, 1), min_size=k, max_size=k))
        y_true, y_pred, groups = y_true + [0] * k, y_pred + decided, groups + [empty] * k
    return np.array(y_true), np.array(y_pred), np.array(groups)


def fairlearn_frame(y_true, y_pred, groups):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return MetricFrame(
            metrics={"count": count, "selection_rate": selection_rate, "true_positive_rate": true_positive_rate,
                     "false_positive_rate": false_positive_rate, "accuracy": accuracy_score},
            y_true=y_true, y_pred=y_pred, sensitive_features=groups,
        ).by_group


def restricted(fairlearn_metric, y_true, y_pred, groups, keep_group):
    """A Fairlearn metric on the rows of the groups where keep_group(rows' y_true) holds; nan if none."""
    keep = np.zeros(len(groups), dtype=bool)
    for g in np.unique(groups):
        if keep_group(y_true[groups == g]):
            keep |= groups == g
    if not keep.any():
        return float("nan")
    if keep.sum() == 1:
        return 0.0  # one example, one group: no gap (Fairlearn rejects one-row inputs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fairlearn_metric(y_true[keep], y_pred[keep], sensitive_features=groups[keep])


def fpr_difference(y_true, y_pred, sensitive_features):
    return MetricFrame(metrics=false_positive_rate, y_true=y_true, y_pred=y_pred,
                       sensitive_features=sensitive_features).difference()


@settings(max_examples=20, deadline=None)
@given(data=decisions())
def test_group_table_equals_metricframe(data):
    y_true, y_pred, groups = data
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FairnessWarning)
        table = lf.group_metrics(y_true, y_pred, groups=groups)
    expected = fairlearn_frame(y_true, y_pred, groups)
    assert [str(g) for g in table["group"]] == [str(g) for g in expected.index]
    for column in ("count", "selection_rate", "accuracy"):
        np.testing.assert_allclose(table[column], expected[column].to_numpy(float), atol=1e-12)
    has_positives = np.array([(y_true[groups == g] == 1).any() for g in np.unique(groups)])
    has_negatives = np.array([(y_true[groups == g] == 0).any() for g in np.unique(groups)])
    np.testing.assert_allclose(table["true_positive_rate"][has_positives], expected["true_positive_rate"][has_positives])
    np.testing.assert_allclose(table["false_positive_rate"][has_negatives], expected["false_positive_rate"][has_negatives])
    assert np.isnan(table["true_positive_rate"][~has_positives]).all()  # Fairlearn says 0 here
    assert np.isnan(table["false_positive_rate"][~has_negatives]).all()


@settings(max_examples=20, deadline=None)
@given(data=decisions())
def test_gaps_equal_fairlearn(data):
    y_true, y_pred, groups = data
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert lf.demographic_parity_difference(y_true, y_pred, groups=groups) == pytest.approx(
            demographic_parity_difference(y_true, y_pred, sensitive_features=groups), abs=1e-12)
        ours, theirs = (lf.demographic_parity_ratio(y_true, y_pred, groups=groups),
                        demographic_parity_ratio(y_true, y_pred, sensitive_features=groups))
        ours_eo = lf.equalized_odds_difference(y_true, y_pred, groups=groups)
        ours_eopp = lf.equal_opportunity_difference(y_true, y_pred, groups=groups)
    assert ours == pytest.approx(theirs, abs=1e-12, nan_ok=True)

    # When every group has positives and negatives, "restricted" keeps all rows: plain Fairlearn numbers.
    expected_eopp = restricted(equal_opportunity_difference, y_true, y_pred, groups, lambda t: (t == 1).any())
    expected_fpr = restricted(fpr_difference, y_true, y_pred, groups, lambda t: (t == 0).any())
    assert ours_eopp == pytest.approx(expected_eopp, abs=1e-12, nan_ok=True)
    gaps = np.array([expected_eopp, expected_fpr])
    expected_eo = float(np.nanmax(gaps)) if not np.isnan(gaps).all() else float("nan")
    assert ours_eo == pytest.approx(expected_eo, abs=1e-12, nan_ok=True)


@pytest.mark.parametrize("seed", range(4))
def test_equalized_odds_and_equal_opportunity_equal_fairlearn_when_every_rate_exists(seed):
    rng = np.random.default_rng(seed)
    n = 80
    groups = rng.choice(["a", "b", "c", "d"], n)
    y_true = rng.integers(0, 2, n)
    y_true[:8], groups[:8] = [0, 1] * 4, ["a", "a", "b", "b", "c", "c", "d", "d"]  # both labels in every group
    y_pred = (rng.random(n) < np.where(groups == "a", 0.7, 0.4)).astype(int)
    assert lf.equalized_odds_difference(y_true, y_pred, groups=groups) == pytest.approx(
        equalized_odds_difference(y_true, y_pred, sensitive_features=groups), abs=1e-12)
    assert lf.equal_opportunity_difference(y_true, y_pred, groups=groups) == pytest.approx(
        equal_opportunity_difference(y_true, y_pred, sensitive_features=groups), abs=1e-12)


def test_warnings_name_the_group_and_the_reason():
    y_true = np.array([1, 0, 1, 0, 0, 0, 1])
    y_pred = np.array([1, 0, 0, 1, 1, 0, 1])
    groups = np.array(["a", "a", "a", "b", "b", "b", "c"])
    with pytest.warns(FairnessWarning) as record:
        table = lf.group_metrics(y_true, y_pred, groups=groups)
    messages = [str(w.message) for w in record]
    assert any("group 'c' has only 1 member" in m for m in messages)
    assert any("group 'b' has no positive examples" in m and "undefined (nan)" in m for m in messages)
    assert any("group 'c' has no negative examples" in m for m in messages)
    assert np.isnan(table.row("b", by="group")["true_positive_rate"])
    with pytest.warns(FairnessWarning, match="0/0 is undefined"):
        assert np.isnan(lf.demographic_parity_ratio(y_true, np.zeros(7, int), groups=groups))


def test_report_flags_the_four_fifths_rule_and_calibration():
    groups = np.array(["a"] * 10 + ["b"] * 10)
    y_true = np.array([1, 0] * 10)
    y_pred = np.array([1] * 5 + [0] * 5 + [1] * 3 + [0] * 7)  # selection 0.5 vs 0.3: ratio 0.6
    y_prob = np.where(groups == "a", 0.7, 0.4)
    report = lf.fairness_report(y_true, y_pred, groups=groups, y_prob=y_prob)
    assert report.demographic_parity_ratio == pytest.approx(0.6)
    assert report.passes_four_fifths_rule is False
    assert "**fails** the four-fifths rule" in report._repr_markdown_()
    np.testing.assert_allclose(report.by_group["calibration_gap"], [0.2, -0.1])
    fair = lf.fairness_report(y_true, y_true, groups=groups)
    assert fair.passes_four_fifths_rule and fair.equalized_odds_difference == 0.0


def test_bad_input_is_rejected_with_a_hint():
    y = np.array([0, 1, 1, 0])
    with pytest.raises(TypeError, match="groups should be labels.*got floats.*bin_numeric"):
        lf.group_metrics(y, y, groups=np.array([0.5, 1.5, 0.5, 2.0]))
    with pytest.raises(TypeError, match="got floats"):
        lf.demographic_parity_difference(y, y, groups=[0.0, 1.0, 0.0, 1.0])
    with pytest.raises(ValueError, match=r"y_pred should hold 0/1 labels.*\(y_prob >= 0.5\)"):
        lf.group_metrics(y, np.array([0.2, 0.9, 0.6, 0.1]), groups=["a", "b", "a", "b"])
    with pytest.raises(ShapeError, match="lengths"):
        lf.group_metrics(y, y[:3], groups=["a", "b", "a", "b"])
    with pytest.raises(ShapeError, match=r"one value per example, shape \(N,\)"):
        lf.group_metrics(y.reshape(2, 2), y.reshape(2, 2), groups=["a", "b"])
