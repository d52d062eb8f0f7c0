"""Group-specific decision thresholds chosen after training (post-processing).

A single threshold on the model's score gives groups different selection rates (or
true positive rates) when their score distributions differ. ``GroupThresholds`` picks
one threshold per group, from a grid, that maximizes overall accuracy subject to

- ``criterion="demographic_parity"``: selection rates within ``tolerance`` of each other, or
- ``criterion="equal_opportunity"``:  true positive rates within ``tolerance``.

The search is exact over the grid: in any feasible choice, all group rates lie in a
band [r, r + tolerance] whose bottom r is one of the rates on the grid; for each such
band every group independently takes its most accurate threshold inside the band.
Fairness bought this way costs accuracy, and treating groups differently on purpose
may itself be unlawful in some settings: the lesson discusses both.
"""

from __future__ import annotations

import warnings
from typing import Any, Optional

import numpy as np

from labkit.errors import NotFittedError
from labkit.ethics.fairness._inputs import FairnessWarning, check_binary, check_groups, check_same_length, check_scores

CRITERIA = ("demographic_parity", "equal_opportunity")


def rates_and_correct(
    y_score: np.ndarray, y_true: np.ndarray, thresholds: np.ndarray, criterion: str
) -> tuple[np.ndarray, np.ndarray]:
    """For one group: the criterion's rate and the number of correct decisions at each threshold.

    y_score, y_true (n,); thresholds (T,). Decision: y_score >= threshold. Returns two (T,) arrays;
    the rate is nan when undefined (equal opportunity in a group without positives).
    """
    decisions = y_score[None, :] >= thresholds[:, None]  # (T, n)
    correct = (decisions == y_true[None, :].astype(bool)).sum(axis=1)  # (T,)
    if criterion == "demographic_parity":
        rate = decisions.mean(axis=1)
    else:
        positives = y_true == 1
        rate = decisions[:, positives].mean(axis=1) if positives.any() else np.full(len(thresholds), np.nan)
    return rate, correct


class GroupThresholds:
    """One threshold per group, maximizing accuracy subject to a fairness criterion.

    Args:
        criterion: "demographic_parity" (selection rates) or "equal_opportunity" (true positive rates).
        tolerance: largest allowed gap between the groups' rates (0 = exact parity on the grid).
        thresholds: candidate thresholds, shape (T,); default 101 points in [0, 1] (probabilities).

    Attributes after ``fit``: thresholds_ (dict group -> threshold), rates_ (dict group -> rate),
    gap_ (largest minus smallest rate), accuracy_ (on the fitting data).
    """

    def __init__(self, criterion: str = "demographic_parity", tolerance: float = 0.02,
                 thresholds: Optional[np.ndarray] = None):
        self.criterion = criterion
        self.tolerance = tolerance
        self.thresholds = thresholds

    def fit(self, y_score: Any, y_true: Any, *, groups: Any) -> "GroupThresholds":
        """Choose the thresholds on scores (N,), labels (N,) 0/1 and groups (N,)."""
        if self.criterion not in CRITERIA:
            raise ValueError(f"criterion should be one of {CRITERIA}, got {self.criterion!r}.")
        if not 0 <= self.tolerance <= 1:
            raise ValueError(f"tolerance should be a rate gap in [0, 1], got {self.tolerance!r}.")
        y_score, y_true = check_scores(y_score, "y_score"), check_binary(y_true, "y_true")
        groups = check_groups(groups)
        check_same_length(y_score=y_score, y_true=y_true, groups=groups)
        grid = np.linspace(0.0, 1.0, 101) if self.thresholds is None else np.sort(np.asarray(self.thresholds, float))

        names = list(np.unique(groups))
        rates, correct = zip(*(rates_and_correct(y_score[groups == g], y_true[groups == g], grid, self.criterion)
                               for g in names))
        rates, correct = np.array(rates), np.array(correct)  # (G, T) each
        unconstrained = np.isnan(rates).all(axis=1)  # groups without positives under equal opportunity
        for g in np.array(names)[unconstrained]:
            warnings.warn(f"group {_plain(g)!r} has no positive examples: its true positive rate is undefined, so its "
                          "threshold is chosen for accuracy alone.", FairnessWarning, stacklevel=2)

        best_total, best_choice = -1, None
        for bottom in np.unique(rates[~np.isnan(rates)]):
            in_band = (rates >= bottom - 1e-12) & (rates <= bottom + self.tolerance + 1e-12)  # (G, T)
            in_band[unconstrained] = True
            if not in_band.any(axis=1).all():
                continue  # some group has no threshold in this band
            masked = np.where(in_band, correct, -1)
            choice = masked.argmax(axis=1)  # (G,)
            total = masked[np.arange(len(names)), choice].sum()
            if total > best_total:
                best_total, best_choice = total, choice
        if best_choice is None:
            raise ValueError(f"no thresholds on the grid keep the {self.criterion} gap within {self.tolerance}. "
                             "Hint: raise the tolerance or pass a finer grid of thresholds.")

        self.thresholds_ = {_plain(g): float(grid[t]) for g, t in zip(names, best_choice)}
        self.rates_ = {_plain(g): float(rates[i, t]) for i, (g, t) in enumerate(zip(names, best_choice))}
        defined = [r for r in self.rates_.values() if not np.isnan(r)]
        self.gap_ = float(max(defined) - min(defined)) if defined else float("nan")
        self.accuracy_ = float(best_total / len(y_true))
        return self

    def predict(self, y_score: Any, *, groups: Any) -> np.ndarray:
        """Decisions (N,) 0/1: y_score >= the threshold of each example's group."""
        if not hasattr(self, "thresholds_"):
            raise NotFittedError("GroupThresholds is not fitted yet: call fit(y_score, y_true, groups=...) first.")
        y_score, groups = check_scores(y_score, "y_score"), check_groups(groups)
        check_same_length(y_score=y_score, groups=groups)
        unknown = set(_plain(g) for g in np.unique(groups)) - set(self.thresholds_)
        if unknown:
            raise ValueError(
                f"groups {sorted(unknown, key=str)} were not seen in fit; known: {list(self.thresholds_)}."
            )
        cut = np.array([self.thresholds_[_plain(g)] for g in groups])
        return (y_score >= cut).astype(int)


def _plain(value: Any) -> Any:
    """A NumPy scalar as the Python value (so dict keys print and compare plainly)."""
    return value.item() if hasattr(value, "item") else value
