"""ThresholdExplorer: per-group thresholds, metrics recomputed here, trade-off drawn, bad input named."""

from __future__ import annotations

import numpy as np
import pytest

from labkit.widgets.fairness import ThresholdExplorer


@pytest.fixture()
def data():
    rng = np.random.default_rng(0)
    groups = np.array([0] * 300 + [1] * 200)
    y_true = rng.integers(0, 2, size=500)
    score = np.clip(0.35 * y_true + rng.uniform(0, 0.65, size=500) - 0.15 * groups, 0, 1)
    return score, y_true, groups


def _rates(decisions, y_true, member):
    d, t = decisions[member], y_true[member]
    return d.mean(), d[t == 1].mean(), d[t == 0].mean()


def test_metrics_follow_the_sliders(data):
    score, y_true, groups = data
    w = ThresholdExplorer(score, y_true, groups, thresholds={0: 0.5, 1: 0.5}, group_names={0: "A", 1: "B"})
    np.testing.assert_array_equal(w.decisions, (score >= 0.5).astype(int))
    before = w.dp_difference
    w.set_thresholds(B=0.35)
    expected = np.where(groups == 1, score >= 0.35, score >= 0.5).astype(int)
    np.testing.assert_array_equal(w.decisions, expected)
    sel_a, tpr_a, fpr_a = _rates(expected, y_true, groups == 0)
    sel_b, tpr_b, fpr_b = _rates(expected, y_true, groups == 1)
    assert w.dp_difference == pytest.approx(abs(sel_a - sel_b))
    assert w.dp_ratio == pytest.approx(min(sel_a, sel_b) / max(sel_a, sel_b))
    assert w.eo_difference == pytest.approx(max(abs(tpr_a - tpr_b), abs(fpr_a - fpr_b)))
    assert w.accuracy == pytest.approx(np.mean(expected == y_true))
    assert w.dp_difference < before  # lowering B's threshold closes the selection-rate gap here
    assert "four-fifths" in w.summary.value and "<td>B</td>" in w.summary.value


def test_trade_off_marks_the_current_choice(data, keep_figures):
    import labkit.widgets.fairness as module

    figures = keep_figures(module)
    score, y_true, groups = data
    w = ThresholdExplorer(score, y_true, groups, criterion="equalized_odds")
    w.set_thresholds(**{"0": 0.3})
    assert len(figures) == 2  # drawn on creation, redrawn on the slider move
    star = figures[-1].axes[0].collections[-1].get_offsets()[0]
    assert star[0] == pytest.approx(w.eo_difference) and star[1] == pytest.approx(w.accuracy)
    curve = figures[-1].axes[0].lines[0]
    assert len(curve.get_xdata()) == 51


@pytest.mark.parametrize("kwargs, message", [
    (dict(criterion="parity"), "criterion must be one of"),
    (dict(thresholds={0: 1.5}), r"thresholds\[0\] must be between 0 and 1"),
    (dict(thresholds={7: 0.5}), "not in groups"),
    (dict(thresholds=[0.5, 0.5]), "thresholds must be a dict"),
])
def test_bad_arguments_are_named(data, kwargs, message):
    score, y_true, groups = data
    with pytest.raises((ValueError, TypeError), match=message):
        ThresholdExplorer(score, y_true, groups, **kwargs)


def test_scores_outside_zero_one_and_length_mismatch(data):
    score, y_true, groups = data
    with pytest.raises(ValueError, match=r"y_score must lie in \[0, 1\]"):
        ThresholdExplorer(score * 3, y_true, groups)
    with pytest.raises(ValueError, match="one entry per example"):
        ThresholdExplorer(score[:-1], y_true, groups)
    with pytest.raises(ValueError, match="unknown group 'C'"):
        ThresholdExplorer(score, y_true, groups, group_names={0: "A", 1: "B"}).set_thresholds(C=0.2)
