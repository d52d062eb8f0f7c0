"""The accuracy-fairness trade-off: sweep the decision threshold and watch both move."""

from __future__ import annotations

import warnings
from typing import Any, Optional, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from labkit.ethics.fairness._inputs import FairnessWarning, check_binary, check_groups, check_same_length, check_scores
from labkit.ethics.fairness.metrics import _spread, group_metrics
from labkit.ethics.fairness.thresholds import CRITERIA, GroupThresholds
from labkit.ethics.table import Table

GAP_COLUMN = {
    "demographic_parity": "demographic_parity_difference",
    "equal_opportunity": "equal_opportunity_difference",
}


def threshold_sweep(y_score: Any, y_true: Any, *, groups: Any, thresholds: Optional[Sequence[float]] = None) -> Table:
    """Accuracy and fairness gaps when one shared threshold moves over a grid.

    Args:
        y_score: scores or probabilities (N,); decision is y_score >= threshold.
        y_true: labels 0/1 (N,).
        groups: group labels (N,).
        thresholds: grid (T,); default 101 points in [0, 1].

    Returns:
        Table with T rows: threshold, accuracy, demographic_parity_difference,
        equal_opportunity_difference, equalized_odds_difference.
    """
    y_score, y_true = check_scores(y_score, "y_score"), check_binary(y_true, "y_true")
    groups = check_groups(groups)
    check_same_length(y_score=y_score, y_true=y_true, groups=groups)
    grid = np.linspace(0.0, 1.0, 101) if thresholds is None else np.asarray(thresholds, float)
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FairnessWarning)
        for threshold in grid:
            decisions = (y_score >= threshold).astype(int)
            table = group_metrics(y_true, decisions, groups=groups, warn=False)
            tpr_gap, fpr_gap = _spread(table["true_positive_rate"]), _spread(table["false_positive_rate"])
            rows.append({
                "threshold": float(threshold),
                "accuracy": float((decisions == y_true).mean()),
                "demographic_parity_difference": _spread(table["selection_rate"]),
                "equal_opportunity_difference": tpr_gap,
                "equalized_odds_difference": max(tpr_gap, fpr_gap) if np.isnan([tpr_gap, fpr_gap]).sum() == 0
                else float(np.nan_to_num(tpr_gap, nan=fpr_gap)),
            })
    return Table.from_rows(rows)


def plot_fairness_tradeoff(
    y_score: Any,
    y_true: Any,
    *,
    groups: Any,
    criterion: str = "demographic_parity",
    thresholds: Optional[Sequence[float]] = None,
    tolerances: Sequence[float] = (0.0, 0.05, 0.1, 0.2),
) -> Figure:
    """Accuracy against the fairness gap: one shared threshold swept over the grid (a curve), and
    ``GroupThresholds`` at each tolerance (stars). Points up and to the left are better on both.

    Args: y_score, y_true, groups (N,) as ``threshold_sweep``; criterion as ``GroupThresholds``;
    thresholds (T,) the grid; tolerances the gaps allowed for the group-threshold points.
    """
    if criterion not in CRITERIA:
        raise ValueError(f"criterion should be one of {CRITERIA}, got {criterion!r}.")
    sweep = threshold_sweep(y_score, y_true, groups=groups, thresholds=thresholds)
    figure, axis = plt.subplots(figsize=(6, 4))
    axis.plot(sweep[GAP_COLUMN[criterion]], sweep["accuracy"], color="0.7", zorder=1)
    points = axis.scatter(sweep[GAP_COLUMN[criterion]], sweep["accuracy"], c=sweep["threshold"],
                          cmap="viridis", s=12, zorder=2)
    figure.colorbar(points, ax=axis, label="shared threshold")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FairnessWarning)
        for tolerance in tolerances:
            fitted = GroupThresholds(criterion, tolerance, thresholds).fit(y_score, y_true, groups=groups)
            axis.scatter([fitted.gap_], [fitted.accuracy_], marker="*", s=140, color="tab:red", zorder=3)
            axis.annotate(f"tol {tolerance:g}", (fitted.gap_, fitted.accuracy_), textcoords="offset points",
                          xytext=(6, -10), fontsize=8)
    axis.set_xlabel(GAP_COLUMN[criterion].replace("_", " "))
    axis.set_ylabel("accuracy")
    axis.set_title("accuracy-fairness trade-off (stars: group thresholds)")
    return figure
