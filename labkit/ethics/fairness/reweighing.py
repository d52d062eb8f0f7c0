"""Reweighing (Kamiran & Calders, 2012): weight the training data so outcome and group are independent.

If group and label were independent, the share of examples with group g and label y
would be P(g) P(y). Reweighing gives each example the weight

    w(g, y) = P(g) P(y) / P(g, y)

so that under-represented combinations (say, positives of a disadvantaged group) count
more and over-represented ones less. In the weighted data every group has the same
positive rate, P(y = 1). Pass the weights to the loss (``sample_weight`` in
scikit-learn, a per-example weight in a torch loss with ``reduction="none"``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from labkit.ethics.fairness._inputs import check_binary, check_groups, check_same_length


def reweighing_weights(y_true: Any, *, groups: Any) -> np.ndarray:
    """Kamiran & Calders weights P(g) P(y) / P(g, y) for every example.

    Args:
        y_true: training labels, 0/1, shape (N,).
        groups: group label per example, shape (N,).

    Returns:
        weights, shape (N,), positive; their mean is 1 when every group has both labels.
    """
    y_true = check_binary(y_true, "y_true")
    groups = check_groups(groups)
    check_same_length(y_true=y_true, groups=groups)
    n = len(y_true)
    weights = np.empty(n)
    for group in np.unique(groups):
        in_group = groups == group
        for label in (0, 1):
            cell = in_group & (y_true == label)
            if cell.any():
                expected = in_group.sum() * (y_true == label).sum() / n  # n P(g) P(y)
                weights[cell] = expected / cell.sum()  # divided by n P(g, y)
    return weights
