"""Fairness of binary decisions across groups: measure, mitigate, and see the trade-off.

- ``group_metrics``      per-group table: count, selection rate, TPR, FPR, accuracy, calibration
- ``demographic_parity_difference`` / ``demographic_parity_ratio`` (disparate impact),
  ``equal_opportunity_difference``, ``equalized_odds_difference``, ``fairness_report`` (all at once,
  with the four-fifths rule flagged)
- ``reweighing_weights`` before training (Kamiran & Calders)
- ``GroupThresholds``    after training: per-group thresholds under a fairness criterion
- ``threshold_sweep``, ``plot_fairness_tradeoff``  accuracy against the fairness gap
- ``EqualizedOddsThresholds`` randomized group thresholds reaching equal TPR and FPR (Hardt, Price &
  Srebro), with ``roc_points``, ``upper_hull``, ``plot_roc_by_group``
- ``calibration_by_group``, ``calibration_error_by_group``, ``plot_reliability_by_group``  calibration within groups
- ``bootstrap_group_rates``  confidence intervals for per-group rates and their gap
"""

from labkit.ethics.fairness._inputs import FairnessWarning
from labkit.ethics.fairness.metrics import (
    FOUR_FIFTHS,
    FairnessReport,
    demographic_parity_difference,
    demographic_parity_ratio,
    equal_opportunity_difference,
    equalized_odds_difference,
    fairness_report,
    group_metrics,
)
from labkit.ethics.fairness.calibration import (
    calibration_by_group,
    calibration_error_by_group,
    plot_reliability_by_group,
)
from labkit.ethics.fairness.postprocessing import (
    EqualizedOddsThresholds,
    GroupMix,
    plot_roc_by_group,
    roc_points,
    upper_hull,
)
from labkit.ethics.fairness.reweighing import reweighing_weights
from labkit.ethics.fairness.thresholds import GroupThresholds
from labkit.ethics.fairness.tradeoff import plot_fairness_tradeoff, threshold_sweep
from labkit.ethics.fairness.uncertainty import BootstrapRates, bootstrap_group_rates

__all__ = [
    "FairnessWarning",
    "FOUR_FIFTHS",
    "FairnessReport",
    "group_metrics",
    "demographic_parity_difference",
    "demographic_parity_ratio",
    "equal_opportunity_difference",
    "equalized_odds_difference",
    "fairness_report",
    "reweighing_weights",
    "GroupThresholds",
    "threshold_sweep",
    "plot_fairness_tradeoff",
    "EqualizedOddsThresholds",
    "GroupMix",
    "roc_points",
    "upper_hull",
    "plot_roc_by_group",
    "calibration_by_group",
    "calibration_error_by_group",
    "plot_reliability_by_group",
    "BootstrapRates",
    "bootstrap_group_rates",
]
