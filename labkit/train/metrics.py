"""Metrics that ``fit`` reports each epoch: built-in names or any ``(y_pred, y_true) -> float``."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

Metric = Callable[[np.ndarray, np.ndarray], float]


def accuracy(y_pred: np.ndarray, y_true: np.ndarray, logits: bool = True) -> float:
    """Fraction of correct predictions.

    Args:
        y_pred: model outputs. (N, C) or (N, T, C) scores -> the argmax over the last
            axis is the predicted class; (N,) or (N, 1) single scores -> class 1 when the
            score is above 0 (``logits=True``) or above 0.5 (``logits=False``, probabilities).
        y_true: (N,) or (N, T) integer labels (or (N, 1) 0/1 labels for single scores).
            Negative labels mark padding (as ``ignore_index=-100`` in torch) and are skipped.
        logits: how to read single scores; ``fit`` sets it from the loss.

    Returns:
        a float in [0, 1].
    """
    y_pred = np.asarray(y_pred)
    y_true = np.asarray(y_true)
    single_score = y_pred.ndim == 1 or (y_pred.shape[-1] == 1 and y_pred.shape[:-1] == y_true.shape[:1])
    if single_score:
        scores = y_pred.reshape(len(y_pred))
        predicted = (scores > (0.0 if logits else 0.5)).astype(np.int64)
        labels = y_true.reshape(len(y_true))
    else:
        predicted = y_pred.argmax(axis=-1)
        labels = y_true
        if predicted.shape != labels.shape:
            raise ValueError(
                f"accuracy: predictions of shape {y_pred.shape} give classes of shape {predicted.shape}, "
                f"but the labels have shape {labels.shape}. Expected labels with the shape of y_pred "
                "minus its last (class) axis."
            )
    keep = labels >= 0
    if not np.any(keep):
        return float("nan")
    return float(np.mean(predicted[keep] == labels[keep].astype(predicted.dtype)))


def resolve_metrics(metrics: Sequence[str | Metric], logits: bool) -> dict[str, Metric | None]:
    """Map names to callables: ``"loss"`` -> None (the loss is averaged by ``fit``), ``"accuracy"``
    -> :func:`accuracy`, a callable -> itself under its ``__name__``; a dict passes its names."""
    if isinstance(metrics, (str, bytes)) or callable(metrics):
        metrics = (metrics,)
    items = metrics.items() if isinstance(metrics, dict) else ((None, m) for m in metrics)
    resolved: dict[str, Metric | None] = {}
    for name, metric in items:
        if metric == "loss":
            resolved[name or "loss"] = None
        elif metric in ("accuracy", "acc"):
            resolved[name or "accuracy"] = lambda y_pred, y_true: accuracy(y_pred, y_true, logits=logits)
        elif callable(metric):
            resolved[name or getattr(metric, "__name__", "metric")] = metric
        else:
            raise ValueError(
                f"unknown metric {metric!r}. Use 'loss', 'accuracy', or a function "
                "metric(y_pred, y_true) -> float on NumPy arrays."
            )
    if "loss" not in resolved:
        resolved = {"loss": None, **resolved}
    return resolved
