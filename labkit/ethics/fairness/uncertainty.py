"""How sure is a group metric? Bootstrap confidence intervals for per-group rates and their gap.

A rate measured on a group of n members has a sampling error of about sqrt(r (1 - r) / n): a
true positive rate measured on 50 positives is uncertain by about +-0.13 (95%), so a gap between
groups smaller than that is no evidence of a difference. ``bootstrap_group_rates`` resamples each
group's members with replacement (each group keeps its size, as in a stratified bootstrap),
recomputes the rate, and reports percentile intervals (Efron and Tibshirani, 1993) for each
group's rate and for the gap (largest minus smallest rate) between groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from labkit.ethics.fairness._inputs import check_binary, check_groups, check_same_length

RATES = ("selection_rate", "true_positive_rate", "false_positive_rate", "accuracy")


@dataclass(frozen=True)
class BootstrapRates:
    """Rates on the data, with percentile intervals from the bootstrap.

    rates: dict group -> rate; intervals: dict group -> (low, high); counts: dict group -> how many
    examples the rate is computed on; gap: max - min rate; gap_interval: (low, high) of the gap
    (never below 0, so it cannot show "no difference": with two groups use the signed difference);
    difference, difference_interval: second group's rate minus the first's (groups sorted), two groups only,
    else None. An interval of the difference that contains 0 means the data do not show a gap.
    """

    rate: str
    rates: dict
    intervals: dict
    counts: dict
    gap: float
    gap_interval: tuple
    difference: Any = None
    difference_interval: Any = None


def _numerator_and_base(rate: str, y_true: np.ndarray, y_pred: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per example: does it count as a hit, and does it count at all, for this rate."""
    if rate == "selection_rate":
        return y_pred == 1, np.ones(len(y_pred), bool)
    if rate == "true_positive_rate":
        return (y_pred == 1) & (y_true == 1), y_true == 1
    if rate == "false_positive_rate":
        return (y_pred == 1) & (y_true == 0), y_true == 0
    return y_pred == y_true, np.ones(len(y_pred), bool)


def bootstrap_group_rates(y_true: Any, y_pred: Any, *, groups: Any, rate: str = "true_positive_rate",
                          n_resamples: int = 2000, confidence: float = 0.95, random_state: int = 0) -> BootstrapRates:
    """Bootstrap each group's rate and the gap between groups.

    Args:
        y_true, y_pred: (N,) 0/1 outcomes and decisions. groups: (N,) labels.
        rate: one of "selection_rate", "true_positive_rate", "false_positive_rate", "accuracy".
        n_resamples: bootstrap resamples (B); confidence: level of the percentile intervals.
        random_state: seed, so the intervals repeat.
    """
    if rate not in RATES:
        raise ValueError(f"rate should be one of {RATES}, got {rate!r}.")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence should be in (0, 1), e.g. 0.95; got {confidence!r}.")
    y_true, y_pred = check_binary(y_true, "y_true"), check_binary(y_pred, "y_pred")
    groups = check_groups(groups)
    check_same_length(y_true=y_true, y_pred=y_pred, groups=groups)
    hit, counts = _numerator_and_base(rate, y_true, y_pred)
    rng = np.random.default_rng(random_state)
    tail = (1 - confidence) / 2 * 100
    rates, intervals, sizes, draws = {}, {}, {}, []
    for name in np.unique(groups):
        key = name.item() if hasattr(name, "item") else name
        member = np.nonzero(groups == name)[0]
        if not counts[member].any():
            raise ValueError(f"group {key!r} has no examples that the {rate} counts (e.g. no positives for a TPR).")
        index = member[rng.integers(0, len(member), size=(n_resamples, len(member)))]  # (B, n_g)
        with np.errstate(invalid="ignore", divide="ignore"):
            resampled = hit[index].sum(axis=1) / counts[index].sum(axis=1)  # (B,); nan if a resample has none
        draws.append(resampled)
        rates[key] = float(hit[member].sum() / counts[member].sum())
        intervals[key] = tuple(float(v) for v in np.nanpercentile(resampled, [tail, 100 - tail]))
        sizes[key] = int(counts[member].sum())
    draws = np.array(draws)  # (G, B)
    gaps = np.nanmax(draws, axis=0) - np.nanmin(draws, axis=0)
    values = np.array(list(rates.values()))
    difference = difference_interval = None
    if len(values) == 2:
        difference = float(values[1] - values[0])
        difference_interval = tuple(float(v) for v in np.nanpercentile(draws[1] - draws[0], [tail, 100 - tail]))
    return BootstrapRates(rate=rate, rates=rates, intervals=intervals, counts=sizes,
                          gap=float(values.max() - values.min()),
                          gap_interval=tuple(float(v) for v in np.nanpercentile(gaps, [tail, 100 - tail])),
                          difference=difference, difference_interval=difference_interval)
