"""Group fairness metrics: one table of per-group rates, and the gaps between groups.

For binary decisions y_pred (1 = selected, e.g. loan granted), true outcomes y_true and
a sensitive attribute ``groups``:

- selection rate       P(y_pred = 1 | group)              -> demographic parity
- true positive rate   P(y_pred = 1 | y_true = 1, group)  -> equal opportunity
- false positive rate  P(y_pred = 1 | y_true = 0, group)  -> equalized odds (TPR and FPR)

A *difference* is the largest minus the smallest group value (0 = parity); the
demographic parity *ratio* is the smallest selection rate over the largest (1 =
parity). US hiring guidance (the four-fifths rule) flags a ratio below 0.8 as
evidence of disparate impact. Numbers match Fairlearn's MetricFrame and
``demographic_parity_difference`` / ``_ratio``, ``equalized_odds_difference``,
``equal_opportunity_difference``, except for one defined difference:

A group without positive examples has no true positive rate (Fairlearn reports 0);
here it is nan, a FairnessWarning says so, and gaps use the groups where the rate exists.
The same holds for the false positive rate of a group without negative examples.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np

from labkit.ethics.fairness._inputs import FairnessWarning, check_binary, check_groups, check_same_length, check_scores
from labkit.ethics.table import Table

FOUR_FIFTHS = 0.8


def _rate(hits: np.ndarray) -> float:
    """Mean of a boolean array, nan when it is empty."""
    return float(hits.mean()) if hits.size else float("nan")


def _warn_about_small_groups(table: Table) -> None:
    for row in table.rows():
        name = row["group"]
        if row["count"] == 1:
            warnings.warn(
                f"group {name!r} has only 1 member: its rates are 0 or 1 and say little about the group.",
                FairnessWarning,
                stacklevel=3,
            )
        if np.isnan(row["true_positive_rate"]):
            warnings.warn(
                f"group {name!r} has no positive examples (y_true == 1): its true positive rate is "
                "undefined (nan) and left out of equal opportunity and equalized odds gaps.",
                FairnessWarning,
                stacklevel=3,
            )
        if np.isnan(row["false_positive_rate"]):
            warnings.warn(
                f"group {name!r} has no negative examples (y_true == 0): its false positive rate is "
                "undefined (nan) and left out of the equalized odds gap.",
                FairnessWarning,
                stacklevel=3,
            )


def group_metrics(y_true: Any, y_pred: Any, *, groups: Any, y_prob: Optional[Any] = None, warn: bool = True) -> Table:
    """One row per group (sorted): count, selection rate, TPR, FPR, accuracy, calibration.

    Args:
        y_true: true outcomes, 0/1, shape (N,).
        y_pred: decisions, 0/1, shape (N,).
        groups: group label per example (ints, strings or bools), shape (N,).
        y_prob: predicted probability of the positive class, shape (N,); adds the calibration
            columns mean_probability (what the model expects) and calibration_gap
            (mean_probability - positive_rate; 0 = calibrated on average in that group).
        warn: warn about single-member groups and undefined rates.

    Returns:
        Table with columns group, count, selection_rate, true_positive_rate,
        false_positive_rate, accuracy, positive_rate [, mean_probability, calibration_gap].
    """
    y_true, y_pred = check_binary(y_true, "y_true"), check_binary(y_pred, "y_pred")
    groups = check_groups(groups)
    check_same_length(y_true=y_true, y_pred=y_pred, groups=groups)
    if y_prob is not None:
        y_prob = check_scores(y_prob, "y_prob")
        check_same_length(y_true=y_true, y_prob=y_prob)

    rows = []
    for name in np.unique(groups):
        member = groups == name
        truth, decision = y_true[member], y_pred[member]
        row = {
            "group": name.item() if hasattr(name, "item") else name,
            "count": int(member.sum()),
            "selection_rate": _rate(decision == 1),
            "true_positive_rate": _rate(decision[truth == 1] == 1),
            "false_positive_rate": _rate(decision[truth == 0] == 1),
            "accuracy": _rate(decision == truth),
            "positive_rate": _rate(truth == 1),
        }
        if y_prob is not None:
            row["mean_probability"] = float(y_prob[member].mean())
            row["calibration_gap"] = row["mean_probability"] - row["positive_rate"]
        rows.append(row)
    table = Table.from_rows(rows)
    if warn:
        _warn_about_small_groups(table)
    return table


def _spread(values: np.ndarray) -> float:
    """Largest minus smallest of the defined (non-nan) values; nan if none is defined."""
    values = values[~np.isnan(values)]
    return float(values.max() - values.min()) if values.size else float("nan")


def demographic_parity_difference(y_true: Any, y_pred: Any, *, groups: Any) -> float:
    """Largest minus smallest selection rate over groups (0 = parity). y_true is not used
    (kept so all metrics share one signature), y_pred and groups are (N,)."""
    y_true = np.zeros(len(y_pred), dtype=int) if y_true is None else y_true
    return _spread(group_metrics(y_true, y_pred, groups=groups, warn=False)["selection_rate"])


def demographic_parity_ratio(y_true: Any, y_pred: Any, *, groups: Any) -> float:
    """Smallest over largest selection rate (1 = parity; below 0.8 fails the four-fifths rule).
    nan, with a FairnessWarning, when no group has any positive decision."""
    y_true = np.zeros(len(y_pred), dtype=int) if y_true is None else y_true
    rates = group_metrics(y_true, y_pred, groups=groups, warn=False)["selection_rate"]
    if rates.max() == 0:
        warnings.warn("no group has any positive decision: the selection rate ratio 0/0 is undefined (nan).",
                      FairnessWarning, stacklevel=2)
        return float("nan")
    return float(rates.min() / rates.max())


def equal_opportunity_difference(y_true: Any, y_pred: Any, *, groups: Any) -> float:
    """Largest minus smallest true positive rate, over groups that have positive examples."""
    return _spread(group_metrics(y_true, y_pred, groups=groups)["true_positive_rate"])


def equalized_odds_difference(y_true: Any, y_pred: Any, *, groups: Any) -> float:
    """The larger of the TPR difference and the FPR difference (0 = equalized odds)."""
    table = group_metrics(y_true, y_pred, groups=groups)
    gaps = np.array([_spread(table["true_positive_rate"]), _spread(table["false_positive_rate"])])
    return float(np.nanmax(gaps)) if not np.isnan(gaps).all() else float("nan")


@dataclass(frozen=True)
class FairnessReport:
    """Per-group table and the gaps between groups, as ``fairness_report`` computes them."""

    by_group: Table
    demographic_parity_difference: float
    demographic_parity_ratio: float
    passes_four_fifths_rule: bool
    equal_opportunity_difference: float
    equalized_odds_difference: float

    def _repr_markdown_(self) -> str:
        verdict = "passes" if self.passes_four_fifths_rule else "**fails**"
        return "\n".join(
            [
                self.by_group.to_markdown(),
                "",
                f"- demographic parity difference: {self.demographic_parity_difference:.3f}",
                f"- demographic parity ratio (disparate impact): {self.demographic_parity_ratio:.3f}, "
                f"{verdict} the four-fifths rule (ratio >= {FOUR_FIFTHS})",
                f"- equal opportunity difference (TPR): {self.equal_opportunity_difference:.3f}",
                f"- equalized odds difference (max of TPR, FPR gaps): {self.equalized_odds_difference:.3f}",
            ]
        )


def fairness_report(y_true: Any, y_pred: Any, *, groups: Any, y_prob: Optional[Any] = None) -> FairnessReport:
    """All group metrics and gaps in one call; warnings about small groups are given once.

    Args: as ``group_metrics``: y_true, y_pred (N,) 0/1, groups (N,), optional y_prob (N,).
    """
    table = group_metrics(y_true, y_pred, groups=groups, y_prob=y_prob)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FairnessWarning)
        ratio = demographic_parity_ratio(y_true, y_pred, groups=groups)
        return FairnessReport(
            by_group=table,
            demographic_parity_difference=_spread(table["selection_rate"]),
            demographic_parity_ratio=ratio,
            passes_four_fifths_rule=bool(ratio >= FOUR_FIFTHS),
            equal_opportunity_difference=_spread(table["true_positive_rate"]),
            equalized_odds_difference=equalized_odds_difference(y_true, y_pred, groups=groups),
        )
