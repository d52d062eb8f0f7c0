"""Lesson 19's widget: one decision threshold per group, the metrics per group, and the trade-off.

A model gives every applicant a score; a decision is ``score >= threshold``. With one shared
threshold the groups can end up with very different selection rates or error rates. Move a
threshold per group and watch, at once: the table of per-group metrics (selection rate, true
and false positive rates, accuracy), the demographic parity difference and ratio (with the
four-fifths rule), the equalized-odds difference, and where the current choice sits on the
accuracy-against-fairness plane next to the curve of all shared thresholds.
"""

from __future__ import annotations

import html
import warnings

import ipywidgets as widgets
import numpy as np

from labkit.ethics.fairness import group_metrics, threshold_sweep
from labkit.ethics.fairness._inputs import FairnessWarning, check_binary, check_groups, check_scores
from labkit.widgets import _arguments as check
from labkit.widgets._figure import redraw

CRITERIA = ("demographic_parity", "equalized_odds")
_GAP = {"demographic_parity": "demographic_parity_difference", "equalized_odds": "equalized_odds_difference"}


def _ratio(rates: np.ndarray) -> float:
    rates = rates[~np.isnan(rates)]
    return float(rates.min() / rates.max()) if rates.size and rates.max() > 0 else float("nan")


def check_scored_groups(who: str, y_score, y_true, groups):
    """The inputs of a per-group widget, checked: (y_score, y_true, groups, levels), levels the 2 to 4 groups."""
    y_score, y_true, groups = check_scores(y_score, "y_score"), check_binary(y_true, "y_true"), check_groups(groups)
    if not (len(y_score) == len(y_true) == len(groups)):
        raise ValueError(f"{who}: y_score, y_true and groups must have one entry per example, got lengths "
                         f"{len(y_score)}, {len(y_true)} and {len(groups)}.")
    levels = [level.item() if hasattr(level, "item") else level for level in np.unique(groups)]
    if not 2 <= len(levels) <= 4:
        raise ValueError(f"{who}: groups must hold 2 to 4 different groups, got {len(levels)}: {levels[:6]}.")
    return y_score, y_true, groups, levels


class ThresholdExplorer(widgets.VBox):
    """A threshold slider per group over the scores of a classifier.

    Args:
        y_score: scores or probabilities in [0, 1], shape (N,).
        y_true: the true outcomes 0/1 the decisions are judged against, shape (N,).
        groups: the group of each example, shape (N,) (two to four groups).
        thresholds: starting threshold per group, a dict {group: value in [0, 1]} (default 0.5 each).
        criterion: "demographic_parity" or "equalized_odds": the gap drawn on the trade-off plot.
        group_names: how to show each group, a dict {group: name} (default the group labels).

    After each redraw: ``decisions`` (N,), ``table`` (the per-group metrics), ``accuracy``,
    ``dp_difference``, ``dp_ratio``, ``eo_difference``.
    """

    def __init__(self, y_score, y_true, groups, thresholds: dict | None = None,
                 criterion: str = "demographic_parity", group_names: dict | None = None) -> None:
        who = "ThresholdExplorer"
        self.y_score, self.y_true, self.groups, self.levels = check_scored_groups(who, y_score, y_true, groups)
        if self.y_score.min() < 0 or self.y_score.max() > 1:
            raise ValueError(f"{who}: y_score must lie in [0, 1] (probabilities), got values from "
                             f"{self.y_score.min():g} to {self.y_score.max():g}. Hint: pass a sigmoid of the scores.")
        self.criterion = check.choice(criterion, "criterion", who, CRITERIA)
        thresholds = {} if thresholds is None else thresholds
        if not isinstance(thresholds, dict):
            raise TypeError(f"{who}: thresholds must be a dict {{group: threshold}}, got {thresholds!r}.")
        unknown = [g for g in thresholds if g not in self.levels]
        if unknown:
            raise ValueError(f"{who}: thresholds names groups {unknown} that are not in groups {self.levels}.")
        names = group_names or {}
        self.sliders = {}
        for level in self.levels:
            start = check.number(thresholds.get(level, 0.5), f"thresholds[{level!r}]", who, 0.0, 1.0)
            self.sliders[level] = widgets.FloatSlider(
                value=start, min=0.0, max=1.0, step=0.01, description=f"{names.get(level, level)}",
                continuous_update=False, style={"description_width": "initial"})
            self.sliders[level].observe(lambda change: self.redraw(), names="value")
        self.names = {level: str(names.get(level, level)) for level in self.levels}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FairnessWarning)
            self.sweep = threshold_sweep(self.y_score, self.y_true, groups=self.groups,
                                         thresholds=np.linspace(0.0, 1.0, 51))
        self.summary = widgets.HTML()
        self.out = widgets.Output()
        header = widgets.HTML("<b>decision threshold per group</b> (approve when score ≥ threshold)")
        super().__init__([header, widgets.HBox(list(self.sliders.values())), self.summary, self.out])
        self.redraw()

    def set_thresholds(self, **by_name) -> None:
        """Move sliders from code, e.g. ``set_thresholds(A=0.4, B=0.3)`` (by shown name or group label)."""
        lookup = {self.names[level]: level for level in self.levels} | {str(level): level for level in self.levels}
        for name, value in by_name.items():
            if name not in lookup:
                raise ValueError(f"ThresholdExplorer.set_thresholds: unknown group {name!r}; groups are {sorted(lookup)}.")
            self.sliders[lookup[name]].value = check.number(value, name, "ThresholdExplorer.set_thresholds", 0.0, 1.0)

    def redraw(self) -> None:
        cut = np.zeros(len(self.groups))
        for level in self.levels:
            cut[self.groups == level] = self.sliders[level].value
        self.decisions = (self.y_score >= cut).astype(int)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FairnessWarning)
            self.table = group_metrics(self.y_true, self.decisions, groups=self.groups, warn=False)
        selection = np.asarray(self.table["selection_rate"], float)
        tpr = np.asarray(self.table["true_positive_rate"], float)
        fpr = np.asarray(self.table["false_positive_rate"], float)
        self.accuracy = float(np.mean(self.decisions == self.y_true))
        self.dp_difference = float(np.nanmax(selection) - np.nanmin(selection))
        self.dp_ratio = _ratio(selection)
        self.eo_difference = float(max(np.nanmax(tpr) - np.nanmin(tpr), np.nanmax(fpr) - np.nanmin(fpr)))
        rows = "".join(
            f"<tr><td>{html.escape(self.names[g])}</td><td>{c}</td><td>{s:.1%}</td><td>{t:.1%}</td><td>{f:.1%}</td>"
            f"<td>{a:.1%}</td></tr>"
            for g, c, s, t, f, a in zip(self.levels, self.table["count"], selection, tpr, fpr, self.table["accuracy"]))
        four_fifths = "passes" if self.dp_ratio >= 0.8 else "fails"
        self.summary.value = (
            "<table style='border-collapse:collapse' cellpadding='4'><tr><th>group</th><th>count</th>"
            "<th>selection rate</th><th>TPR</th><th>FPR</th><th>accuracy</th></tr>" + rows + "</table>"
            f"<p>accuracy {self.accuracy:.1%} · demographic parity difference {self.dp_difference:.3f}, "
            f"ratio {self.dp_ratio:.2f} ({four_fifths} the four-fifths rule) · "
            f"equalized-odds difference {self.eo_difference:.3f}</p>")
        gap_now = self.dp_difference if self.criterion == "demographic_parity" else self.eo_difference
        with redraw(self.out, figsize=(6.5, 3.6)) as ax:
            ax.plot(self.sweep[_GAP[self.criterion]], self.sweep["accuracy"], ".-", color="0.6",
                    label="one shared threshold (0 to 1)")
            ax.scatter([gap_now], [self.accuracy], s=120, marker="*", color="tab:red", zorder=3,
                       label="your thresholds")
            ax.set_xlabel(_GAP[self.criterion].replace("_", " "))
            ax.set_ylabel("accuracy")
            ax.set_title("Accuracy against fairness (left and up is better on both)")
            ax.grid(alpha=0.3)
            ax.legend(fontsize=8)
