"""Calibration within groups: does a score of 0.7 mean a 70% chance in every group?

A score is *calibrated within groups* when, in every group, among the examples scored about p, a
share of about p is positive. ``calibration_by_group`` bins the scores (equal-width bins, as
``sklearn.calibration.calibration_curve(strategy="uniform")``) and reports, per group and bin, the
mean score and the observed positive rate; ``calibration_error_by_group`` summarizes each group by
its expected calibration error (ECE), the count-weighted mean of |mean score - positive rate| over
the bins. ``plot_reliability_by_group`` draws the reliability diagram, one curve per group.

Calibration within groups and equalized odds pull against each other: Kleinberg, Mullainathan and
Raghavan (2016) proved that a risk score cannot be calibrated within groups and balanced for the
positive and for the negative class (equal mean score among the positives of every group, and among
the negatives) unless prediction is perfect or the groups' base rates are equal.
"""

from __future__ import annotations

from typing import Any, Optional

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from labkit.ethics.fairness._inputs import check_binary, check_groups, check_same_length, check_scores
from labkit.ethics.table import Table


def calibration_by_group(y_true: Any, y_prob: Any, *, groups: Any, n_bins: int = 10) -> Table:
    """One row per (group, non-empty bin): group, bin_low, bin_high, count, mean_probability, positive_rate.

    Args: y_true (N,) 0/1 outcomes, y_prob (N,) probabilities in [0, 1], groups (N,) labels;
    n_bins equal-width bins on [0, 1] (a probability of exactly 1 falls in the last bin).
    """
    y_true, y_prob = check_binary(y_true, "y_true"), check_scores(y_prob, "y_prob")
    groups = check_groups(groups)
    check_same_length(y_true=y_true, y_prob=y_prob, groups=groups)
    if y_prob.min() < 0 or y_prob.max() > 1:
        raise ValueError(f"y_prob should be probabilities in [0, 1], got values from {y_prob.min():.3g} to "
                         f"{y_prob.max():.3g}. Hint: pass model.predict_proba(X)[:, 1], not a raw score.")
    if int(n_bins) != n_bins or n_bins < 1:
        raise ValueError(f"n_bins should be a positive integer, got {n_bins!r}.")
    edges = np.linspace(0.0, 1.0, int(n_bins) + 1)
    bins = np.clip(np.searchsorted(edges, y_prob, side="right") - 1, 0, int(n_bins) - 1)  # (N,)
    rows = []
    for name in np.unique(groups):
        for b in range(int(n_bins)):
            cell = (groups == name) & (bins == b)
            if cell.any():
                rows.append({"group": name.item() if hasattr(name, "item") else name,
                             "bin_low": float(edges[b]), "bin_high": float(edges[b + 1]), "count": int(cell.sum()),
                             "mean_probability": float(y_prob[cell].mean()), "positive_rate": float(y_true[cell].mean())})
    return Table.from_rows(rows)


def calibration_error_by_group(y_true: Any, y_prob: Any, *, groups: Any, n_bins: int = 10) -> dict:
    """dict group -> expected calibration error: sum over bins of count / n_group * |mean_probability - positive_rate|."""
    table = calibration_by_group(y_true, y_prob, groups=groups, n_bins=n_bins)
    errors = {}
    for name in dict.fromkeys(table["group"].tolist()):
        rows = [r for r in table.rows() if r["group"] == name]
        total = sum(r["count"] for r in rows)
        errors[name] = float(sum(r["count"] / total * abs(r["mean_probability"] - r["positive_rate"]) for r in rows))
    return errors


def plot_reliability_by_group(y_true: Any, y_prob: Any, *, groups: Any, n_bins: int = 10,
                              ax: Optional[Axes] = None) -> Axes:
    """Reliability diagram: observed positive rate against mean score per bin, one line per group
    (marker area ~ count), and the diagonal of perfect calibration. Returns the axes."""
    table = calibration_by_group(y_true, y_prob, groups=groups, n_bins=n_bins)
    ax = ax if ax is not None else plt.subplots(figsize=(4.6, 4.2))[1]
    ax.plot([0, 1], [0, 1], color="0.7", lw=0.8, label="perfectly calibrated")
    for name in dict.fromkeys(table["group"].tolist()):
        rows = [r for r in table.rows() if r["group"] == name]
        x = [r["mean_probability"] for r in rows]
        y = [r["positive_rate"] for r in rows]
        line, = ax.plot(x, y, "-", lw=1.2, label=f"group {name}")
        ax.scatter(x, y, s=[4 + r["count"] / 2 for r in rows], color=line.get_color(), zorder=3)
    ax.set_xlabel("mean score in the bin")
    ax.set_ylabel("observed positive rate")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend(fontsize=8)
    return ax
