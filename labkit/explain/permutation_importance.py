"""Permutation importance (Breiman, 2001): how much worse does the model get without a feature?

Shuffle one column of a tabular dataset, which keeps the column's values but breaks
their link to the target, and measure the drop of a score (accuracy by default):

    importance_j = score(X) - score(X with column j shuffled)

averaged over ``n_repeats`` shuffles. A feature the model ignores scores exactly 0.
It explains the model on a whole dataset (a global explanation), unlike the
attribution methods that explain one prediction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Union

import numpy as np
import torch

from labkit.errors import ShapeError

Model = Union[torch.nn.Module, Callable[[np.ndarray], np.ndarray]]


@dataclass(frozen=True)
class PermutationImportanceResult:
    """What ``permutation_importance`` returns (names as ``sklearn.inspection.permutation_importance``).

    importances: (F, n_repeats) score drop of every shuffle; importances_mean, importances_std: (F,).
    baseline_score: the score on the unshuffled data.
    """

    importances_mean: np.ndarray
    importances_std: np.ndarray
    importances: np.ndarray
    baseline_score: float


def accuracy(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Fraction of predictions equal to the labels; y_true, y_pred (N,)."""
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))


def _predict(model: Model, X: np.ndarray) -> np.ndarray:
    """Predictions (N,) of a callable on X (N, F), or of a torch module (argmax of (N, C) scores)."""
    if not isinstance(model, torch.nn.Module):
        return np.asarray(model(X))
    parameter = next(model.parameters(), None)
    dtype = parameter.dtype if parameter is not None else torch.float32
    device = parameter.device if parameter is not None else "cpu"
    with torch.no_grad():
        out = model(torch.as_tensor(X, dtype=dtype, device=device))
    if out.dim() == 2 and out.shape[1] > 1:
        return out.argmax(dim=1).cpu().numpy()  # classes
    return out.reshape(len(X)).cpu().numpy()  # one output: regression values


def permutation_importance(
    model: Model,
    X: Union[np.ndarray, torch.Tensor],
    y: Union[np.ndarray, torch.Tensor],
    metric: Optional[Callable[[np.ndarray, np.ndarray], float]] = None,
    n_repeats: int = 5,
    seed: int = 0,
) -> PermutationImportanceResult:
    """Score drop when each column of X is shuffled.

    Args:
        model: a callable mapping X (N, F) to predictions (N,), or a torch module mapping a
            float tensor (N, F) to class scores (N, C) (argmax is the prediction) or values (N,).
        X: tabular inputs, shape (N, F).
        y: targets, shape (N,).
        metric: ``metric(y_true, y_pred) -> float``, higher is better; default accuracy.
            For regression pass e.g. ``lambda t, p: -np.mean((t - p) ** 2)``.
        n_repeats: shuffles per feature.
        seed: seeds the shuffles.

    Returns:
        PermutationImportanceResult with importances (F, n_repeats) and their mean and std (F,).
    """
    X = X.detach().cpu().numpy() if isinstance(X, torch.Tensor) else np.asarray(X)
    y = y.detach().cpu().numpy() if isinstance(y, torch.Tensor) else np.asarray(y)
    if X.ndim != 2:
        raise ShapeError(f"X should be a table of shape (N, F), got shape {X.shape}. Hint: X.reshape(len(X), -1).")
    if y.shape != (len(X),):
        raise ShapeError(f"y should have one target per row of X, shape ({len(X)},), got {y.shape}.")
    if not isinstance(n_repeats, int) or n_repeats < 1:
        raise ValueError(f"n_repeats should be a positive integer, got {n_repeats!r}.")
    metric = accuracy if metric is None else metric
    rng = np.random.default_rng(seed)

    baseline_score = float(metric(y, _predict(model, X)))
    importances = np.zeros((X.shape[1], n_repeats))  # (F, n_repeats)
    for feature in range(X.shape[1]):
        shuffled = X.copy()
        for repeat in range(n_repeats):
            shuffled[:, feature] = X[rng.permutation(len(X)), feature]
            importances[feature, repeat] = baseline_score - float(metric(y, _predict(model, shuffled)))
    return PermutationImportanceResult(importances.mean(axis=1), importances.std(axis=1), importances, baseline_score)
