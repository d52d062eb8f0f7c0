"""OperatingPointCard: the share approved drives the decisions, the metrics and the card; bad input named."""

from __future__ import annotations

import numpy as np
import pytest

from labkit.ethics.transparency import ModelCard
from labkit.widgets.transparency import OperatingPointCard, approve_top


@pytest.fixture()
def data():
    rng = np.random.default_rng(21)
    groups = np.array(["A"] * 300 + ["B"] * 200)
    y_true = rng.integers(0, 2, size=500)
    score = 0.8 * y_true + rng.normal(0, 1, size=500) - 0.4 * (groups == "B")
    return score, y_true, groups


def test_approve_top_takes_the_highest_scores():
    decisions, threshold = approve_top(np.array([0.1, 0.9, 0.5, 0.7, 0.3]), 0.4)
    np.testing.assert_array_equal(decisions, [0, 1, 0, 1, 0])
    assert 0.5 < threshold <= 0.7


def test_metrics_and_card_follow_the_slider(data, keep_figures):
    import labkit.widgets.transparency as module

    figures = keep_figures(module)
    score, y_true, groups = data
    card = ModelCard("scorer").add_metrics({"accuracy": 0.5})
    w = OperatingPointCard(score, y_true, groups, card=card, share=0.6)
    assert card.metrics == {"accuracy": 0.5} and card.group_metrics is None  # the card passed in is not rewritten
    card = w.card
    assert w.decisions.mean() == pytest.approx(0.6, abs=0.01)
    w.set_share(0.3)
    expected = (score >= np.quantile(score, 0.7)).astype(int)
    np.testing.assert_array_equal(w.decisions, expected)
    sel = [expected[groups == g].mean() for g in ("A", "B")]
    tpr = [expected[(groups == g) & (y_true == 1)].mean() for g in ("A", "B")]
    fpr = [expected[(groups == g) & (y_true == 0)].mean() for g in ("A", "B")]
    assert w.accuracy == pytest.approx(np.mean(expected == y_true))
    assert w.dp_ratio == pytest.approx(min(sel) / max(sel))
    assert w.eo_difference == pytest.approx(max(abs(tpr[0] - tpr[1]), abs(fpr[0] - fpr[1])))
    assert card.metrics["share approved"] == 0.3 and card.metrics["accuracy"] == pytest.approx(w.accuracy)
    assert list(card.group_metrics["true_positive_rate"]) == pytest.approx(tpr)
    assert "Metrics by group" in w.card_view.value and "top 30%" in w.summary.value
    assert len(figures) == 2
    tpr_line_b = figures[-1].axes[0].lines[1]
    share_index = list(np.round(tpr_line_b.get_xdata(), 2)).index(0.3)
    assert tpr_line_b.get_ydata()[share_index] == pytest.approx(tpr[1])


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(share=0.99), ValueError, "share must be between 0.05 and 0.95"),
    (dict(card={"name": "x"}), TypeError, "card must be a labkit.ethics.transparency.ModelCard"),
])
def test_bad_arguments_are_named(data, kwargs, error, message):
    with pytest.raises(error, match=message):
        OperatingPointCard(*data, **kwargs)


def test_length_mismatch_and_one_group(data):
    score, y_true, groups = data
    with pytest.raises(ValueError, match="one entry per example"):
        OperatingPointCard(score[:-1], y_true, groups)
    with pytest.raises(ValueError, match="2 to 4 different groups"):
        OperatingPointCard(score, y_true, np.zeros(500, dtype=int))
