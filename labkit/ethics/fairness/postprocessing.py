"""Equalized odds by randomized post-processing (Hardt, Price and Srebro, 2016).

A deterministic threshold per group picks one point of that group's ROC curve, and the
groups' curves rarely pass through a common point, so group thresholds can equalize the
true positive rates *or* the false positive rates, but in general not both. Randomizing
fixes that. Mixing two thresholds of one group (use threshold a with probability lam, else b)
reaches every point of the segment between their ROC points, so a group can reach every
point under its ROC curve's upper convex hull, and ignoring the score (approving at random
with probability r) reaches the point (r, r) of the diagonal. Hence:

1. draw each group's ROC curve (decision: score >= threshold) and its upper convex hull H_g;
2. every group can reach the (FPR, TPR) point (f, t) when t <= min_g H_g(f): the shared points
   form the intersection of the groups' hulls;
3. accuracy with every group at (f, t) is (P t + N (1 - f)) / (P + N) (P positives, N negatives),
   and balanced accuracy (t + 1 - f) / 2; both are linear in (f, t), so the best shared point lies on
   the upper boundary t = min_g H_g(f), at a corner of that piecewise-linear curve (a hull vertex of
   some group or a crossing of two hulls); the search below is exact over those corners;
4. each group reaches (f, t): between its two hull vertices around f (probability ``lam_high`` of
   the one with the lower threshold), and where its hull runs above t, with probability
   ``p_random`` it ignores the score and approves with probability f.

Fairlearn's ``ThresholdOptimizer(constraints="equalized_odds")`` does the same with a grid over f
(tests/ethics/test_equalized_odds_postprocessing.py compares the two).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from labkit.errors import NotFittedError
from labkit.ethics.fairness._inputs import check_binary, check_groups, check_same_length, check_scores


def roc_points(y_score: Any, y_true: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (FPR, TPR) a threshold can give: decision y_score >= threshold.

    Args: y_score (n,) scores, y_true (n,) 0/1 with both classes present.
    Returns fpr, tpr, thresholds, each (K + 1,) for K distinct scores, thresholds decreasing
    from +inf (approve nobody, the point (0, 0)) to the smallest score (approve everybody, (1, 1)).
    """
    y_score, y_true = check_scores(y_score, "y_score"), check_binary(y_true, "y_true")
    check_same_length(y_score=y_score, y_true=y_true)
    positives, negatives = int(y_true.sum()), int(len(y_true) - y_true.sum())
    if positives == 0 or negatives == 0:
        raise ValueError(f"an ROC curve needs positive and negative examples, got {positives} positives and "
                         f"{negatives} negatives. Hint: every group must hold both outcomes.")
    order = np.argsort(-y_score, kind="stable")
    score, truth = y_score[order], y_true[order]
    last_of_value = np.r_[score[1:] != score[:-1], True]  # (n,) the end of each run of equal scores
    true_pos = np.cumsum(truth)[last_of_value]
    false_pos = np.cumsum(1 - truth)[last_of_value]
    fpr = np.r_[0.0, false_pos / negatives]
    tpr = np.r_[0.0, true_pos / positives]
    return fpr, tpr, np.r_[np.inf, score[last_of_value]]


def upper_hull(fpr: np.ndarray, tpr: np.ndarray) -> np.ndarray:
    """Indices of the ROC points on the upper convex hull, FPR strictly increasing, ending at (1, 1).

    It starts at (0, 0), or at the highest point with FPR 0 when a threshold has no false positives.

    fpr, tpr (K,) as ``roc_points`` returns them (sorted by FPR, starting at (0, 0), ending at (1, 1)).
    """
    hull: list[int] = []
    for i in range(len(fpr)):
        while hull and fpr[hull[-1]] == fpr[i] and tpr[hull[-1]] <= tpr[i]:
            hull.pop()  # same FPR, higher TPR: keep the higher point (so FPR strictly increases)
        while len(hull) >= 2:
            (x0, y0), (x1, y1) = (fpr[hull[-2]], tpr[hull[-2]]), (fpr[hull[-1]], tpr[hull[-1]])
            if (x1 - x0) * (tpr[i] - y0) - (y1 - y0) * (fpr[i] - x0) >= 0:  # not a right turn
                hull.pop()
            else:
                break
        hull.append(i)
    return np.array(hull)


def _hull_at(f: np.ndarray, fpr: np.ndarray, tpr: np.ndarray) -> np.ndarray:
    """The upper hull's TPR at FPR values f (hull vertices fpr, tpr with FPR strictly increasing)."""
    return np.interp(f, fpr, tpr)


@dataclass(frozen=True)
class GroupMix:
    """How one group reaches the shared (FPR, TPR) point.

    approve with probability  (1 - p_random) * [lam_high * (score >= threshold_low)
                                                 + (1 - lam_high) * (score >= threshold_high)]
                              + p_random * random_rate
    threshold_low <= threshold_high; +inf approves nobody.
    """

    threshold_low: float
    threshold_high: float
    lam_high: float
    p_random: float
    random_rate: float

    def approval_probability(self, y_score: np.ndarray) -> np.ndarray:
        """(n,) scores -> (n,) probability of approval under this mix."""
        by_threshold = self.lam_high * (y_score >= self.threshold_low) + (1 - self.lam_high) * (y_score >= self.threshold_high)
        return (1 - self.p_random) * by_threshold + self.p_random * self.random_rate


OBJECTIVES = ("accuracy", "balanced_accuracy")


class EqualizedOddsThresholds:
    """Randomized group thresholds with equal TPR and equal FPR in every group, as accurate as possible.

    Fit on scores, true outcomes and groups; every group then reaches one shared (FPR, TPR) point
    (in expectation over the randomization), the best point that all groups can reach.

    Args:
        objective: "accuracy" (every error costs the same) or "balanced_accuracy" (the mean of TPR and
            1 - FPR: an error on the rarer class costs more), as Fairlearn's ``objective`` names them.

    Attributes after ``fit``:
        point_: (fpr, tpr) shared by all groups on the fitting data.
        mixes_: dict group -> GroupMix (thresholds, mixing probabilities).
        accuracy_, balanced_accuracy_: expected values on the fitting data.
        roc_: dict group -> (fpr, tpr, thresholds) of the group's ROC curve; hull_: dict group -> hull indices.
    """

    def __init__(self, objective: str = "accuracy"):
        self.objective = objective

    def fit(self, y_score: Any, y_true: Any, *, groups: Any) -> "EqualizedOddsThresholds":
        """Choose the shared point and each group's mix. y_score, y_true (N,), groups (N,)."""
        if self.objective not in OBJECTIVES:
            raise ValueError(f"objective should be one of {OBJECTIVES}, got {self.objective!r}.")
        y_score, y_true = check_scores(y_score, "y_score"), check_binary(y_true, "y_true")
        groups = check_groups(groups)
        check_same_length(y_score=y_score, y_true=y_true, groups=groups)
        names = [_plain(g) for g in np.unique(groups)]
        self.roc_, self.hull_ = {}, {}
        for name in names:
            member = groups == name
            if len(np.unique(y_true[member])) < 2:
                raise ValueError(f"group {name!r} holds only outcome {y_true[member][0]}: its TPR or FPR is undefined, "
                                 "so equalized odds cannot be reached. Hint: merge it with another group or collect more data.")
            self.roc_[name] = roc_points(y_score[member], y_true[member])
            self.hull_[name] = upper_hull(*self.roc_[name][:2])
        hulls = {n: (self.roc_[n][0][self.hull_[n]], self.roc_[n][1][self.hull_[n]]) for n in names}

        candidates = np.unique(np.concatenate([h[0] for h in hulls.values()]))  # corners of each hull
        heights = np.array([_hull_at(candidates, *hulls[n]) for n in names])  # (G, C)
        crossings = []
        for i in range(len(names)):  # where two hulls cross between neighbouring corners
            for j in range(i + 1, len(names)):
                diff = heights[i] - heights[j]
                change = np.nonzero(diff[:-1] * diff[1:] < 0)[0]
                share = diff[change] / (diff[change] - diff[change + 1])
                crossings.append(candidates[change] + share * (candidates[change + 1] - candidates[change]))
        candidates = np.unique(np.concatenate([candidates, *crossings]))
        shared_tpr = np.min([_hull_at(candidates, *hulls[n]) for n in names], axis=0)  # (C,)
        positives, negatives = int(y_true.sum()), int(len(y_true) - y_true.sum())
        if self.objective == "accuracy":
            value = positives * shared_tpr - negatives * candidates
        else:
            value = shared_tpr - candidates
        best = int(np.argmax(value))
        f, t = float(candidates[best]), float(shared_tpr[best])
        self.point_ = (f, t)
        self.accuracy_ = float((positives * t + negatives * (1 - f)) / len(y_true))
        self.balanced_accuracy_ = float((t + 1 - f) / 2)
        self.mixes_ = {n: self._mix(f, t, *self.roc_[n], self.hull_[n]) for n in names}
        return self

    @staticmethod
    def _mix(f: float, t: float, fpr: np.ndarray, tpr: np.ndarray, thresholds: np.ndarray, hull: np.ndarray) -> GroupMix:
        hf, ht, hth = fpr[hull], tpr[hull], thresholds[hull]
        k = int(np.clip(np.searchsorted(hf, f, side="right"), 1, len(hf) - 1))  # hf[k-1] <= f < hf[k]
        span = hf[k] - hf[k - 1]
        lam = float((f - hf[k - 1]) / span) if span > 0 else 1.0
        on_hull = ht[k - 1] + lam * (ht[k] - ht[k - 1])
        p_random = float((on_hull - t) / (on_hull - f)) if on_hull - f > 1e-12 else 0.0
        return GroupMix(threshold_low=float(hth[k]), threshold_high=float(hth[k - 1]), lam_high=lam,
                        p_random=float(np.clip(p_random, 0.0, 1.0)), random_rate=f)

    def predict_proba(self, y_score: Any, *, groups: Any) -> np.ndarray:
        """Probability of approval (N,) for each example, from its score and its group's mix."""
        y_score, groups = self._inputs(y_score, groups)
        probability = np.empty(len(y_score))
        for name, mix in self.mixes_.items():
            member = groups == name
            probability[member] = mix.approval_probability(y_score[member])
        return probability

    def predict(self, y_score: Any, *, groups: Any, random_state: Optional[int] = None) -> np.ndarray:
        """Randomized decisions (N,) 0/1 drawn with ``predict_proba``; seed ``random_state`` to repeat them."""
        probability = self.predict_proba(y_score, groups=groups)
        return (np.random.default_rng(random_state).random(len(probability)) < probability).astype(int)

    def _inputs(self, y_score: Any, groups: Any) -> tuple[np.ndarray, np.ndarray]:
        if not hasattr(self, "mixes_"):
            raise NotFittedError("EqualizedOddsThresholds is not fitted yet: call fit(y_score, y_true, groups=...) first.")
        y_score, groups = check_scores(y_score, "y_score"), check_groups(groups)
        check_same_length(y_score=y_score, groups=groups)
        unknown = set(_plain(g) for g in np.unique(groups)) - set(self.mixes_)
        if unknown:
            raise ValueError(f"groups {sorted(unknown, key=str)} were not seen in fit; known: {list(self.mixes_)}.")
        return y_score, groups


def plot_roc_by_group(y_score: Any, y_true: Any, *, groups: Any, fitted: Optional[EqualizedOddsThresholds] = None,
                      ax: Optional[Axes] = None) -> Axes:
    """Each group's ROC curve (thin) and its upper convex hull (dashed); with ``fitted``, the shared point.

    y_score, y_true, groups (N,). Returns the axes.
    """
    fitted = fitted if fitted is not None else EqualizedOddsThresholds().fit(y_score, y_true, groups=groups)
    ax = ax if ax is not None else plt.subplots(figsize=(4.6, 4.2))[1]
    for (name, (fpr, tpr, _)), color in zip(fitted.roc_.items(), plt.rcParams["axes.prop_cycle"].by_key()["color"]):
        hull = fitted.hull_[name]
        ax.plot(fpr, tpr, color=color, lw=1, alpha=0.6, label=f"group {name}: ROC")
        ax.plot(fpr[hull], tpr[hull], "--", color=color, lw=1.5, label=f"group {name}: hull")
    ax.plot([0, 1], [0, 1], color="0.7", lw=0.8)
    ax.plot(*fitted.point_, "k*", ms=12, label="shared point (equalized odds)")
    ax.set_xlabel("false positive rate")
    ax.set_ylabel("true positive rate")
    ax.legend(fontsize=7, loc="lower right")
    return ax


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value
