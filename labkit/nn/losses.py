"""Loss functions: one number that says how wrong the predictions are, and its gradient.

Each loss is called as ``loss = loss_fn(pred, target)`` and returns a NumPy
scalar (use ``float(loss)`` or ``loss.item()``); ``loss_fn.backward()`` then returns
the gradient of that number with respect to ``pred`` (same shape as pred), ready
to hand to ``model.backward``. reduction="mean" (default) averages over the
values, "sum" adds them, as in torch.
"""

from __future__ import annotations

import numpy as np

from labkit.errors import ShapeError
from labkit.nn._validation import as_float_array, shape_text
from labkit.nn.activations import sigmoid
from labkit.nn.module import Module

REDUCTIONS = ("mean", "sum")


class Loss(Module):
    """Base class: ``forward(pred, target) -> scalar``, ``backward() -> d loss / d pred``."""

    def __init__(self, reduction: str = "mean"):
        if reduction not in REDUCTIONS:
            raise ValueError(f"{type(self).__name__}: reduction must be one of {REDUCTIONS}, got {reduction!r}.")
        self.reduction = reduction
        self._grad = None

    def extra_repr(self) -> str:
        return f"reduction={self.reduction!r}" if self.reduction != "mean" else ""

    def _reduce(self, values: np.ndarray, count: int):
        total = values.sum()
        return total / count if self.reduction == "mean" else total

    def _scale(self, count: int) -> float:
        return 1.0 / count if self.reduction == "mean" else 1.0

    def _same_shape(self, pred: np.ndarray, target: np.ndarray) -> None:
        if pred.shape != target.shape:
            hint = ""
            if pred.size == target.size:
                hint = f" Hint: reshape the target to match, target.reshape{shape_text(pred.shape)}."
            raise ShapeError(f"{self.describe()} expected target of the same shape as pred "
                             f"{shape_text(pred.shape)}, got {shape_text(target.shape)}.{hint} "
                             "(torch would broadcast them and silently compute the wrong loss.)")

    def backward(self, grad_output: float = 1.0) -> np.ndarray:
        """The gradient of the loss with respect to pred (shape of pred), times grad_output."""
        self._require_forward(self._grad)
        return self._grad * grad_output if grad_output != 1.0 else self._grad.copy()


class MSELoss(Loss):
    """Mean squared error: mean((pred - target)^2); gradient 2 (pred - target) / n.

    Shapes: pred (*) and target (*) of the same shape -> scalar.
    """

    def forward(self, pred, target):
        pred = as_float_array(pred, self.describe(), name="pred")
        target = as_float_array(target, self.describe(), dtype=pred.dtype, name="target")
        self._same_shape(pred, target)
        diff = pred - target
        self._grad = 2.0 * self._scale(diff.size) * diff
        return self._reduce(diff * diff, diff.size)


class BCELoss(Loss):
    """Binary cross-entropy on probabilities: -mean(y log p + (1 - y) log(1 - p)).

    pred must already be probabilities in [0, 1] (after a Sigmoid); each log is
    clamped at -100 as torch does, so p = 0 or 1 gives a large but finite loss.
    Gradient (as torch): (p - y) / max(p (1 - p), 1e-12) / n.
    Shapes: pred (*) and target (*) of the same shape, targets in [0, 1] -> scalar.
    """

    def forward(self, pred, target):
        pred = as_float_array(pred, self.describe(), name="pred")
        target = as_float_array(target, self.describe(), dtype=pred.dtype, name="target")
        self._same_shape(pred, target)
        if pred.size and (pred.min() < 0 or pred.max() > 1):
            raise ValueError(f"{self.describe()} expected probabilities in [0, 1] as pred, got values from "
                             f"{pred.min():.4g} to {pred.max():.4g}. Hint: put a Sigmoid() before the loss, "
                             "or use BCEWithLogitsLoss on the raw scores.")
        with np.errstate(divide="ignore"):
            log_p = np.maximum(np.log(pred), -100.0)
            log_not_p = np.maximum(np.log1p(-pred), -100.0)
        values = -(target * log_p + (1.0 - target) * log_not_p)
        self._grad = self._scale(pred.size) * (pred - target) / np.maximum(pred * (1.0 - pred), 1e-12)
        return self._reduce(values, pred.size)


class BCEWithLogitsLoss(Loss):
    """Sigmoid and binary cross-entropy in one stable step, on raw scores (logits) z.

    loss = max(z, 0) - z y + log(1 + exp(-|z|)), which never overflows;
    gradient sigmoid(z) - y (divided by n for the mean).
    Shapes: pred (*) logits and target (*) in [0, 1] of the same shape -> scalar.
    """

    def forward(self, pred, target):
        z = as_float_array(pred, self.describe(), name="pred")
        target = as_float_array(target, self.describe(), dtype=z.dtype, name="target")
        self._same_shape(z, target)
        values = np.maximum(z, 0) - z * target + np.log1p(np.exp(-np.abs(z)))
        self._grad = self._scale(z.size) * (sigmoid(z) - target)
        return self._reduce(values, z.size)


def log_softmax(logits: np.ndarray, axis: int = -1) -> np.ndarray:
    """log(softmax(logits)) computed stably: logits - max - log(sum(exp(logits - max)))."""
    shifted = logits - logits.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


class CrossEntropyLoss(Loss):
    """Softmax and negative log-likelihood in one stable step, as ``torch.nn.CrossEntropyLoss``.

    pred are raw scores (logits) (N, C), *not* probabilities: do not put a Softmax before it.
    target is either class indices (N,) of integers in [0, C), or class probabilities
    (N, C) (e.g. one-hot rows) of floats.
    loss = -mean over examples of sum_c target_c log softmax(pred)_c; the mean is over N.
    Gradient: (softmax(pred) - one_hot(target)) / N.
    """

    def forward(self, pred, target):
        logits = as_float_array(pred, self.describe(), name="pred")
        if logits.ndim != 2:
            raise ShapeError(f"{self.describe()} expected pred of shape (batch, classes), got "
                             f"{shape_text(logits.shape)}." + (" Hint: a single example needs a batch axis, "
                                                               "pred[None]." if logits.ndim == 1 else ""))
        n, c = logits.shape
        target = np.asarray(target)
        log_p = log_softmax(logits, axis=1)  # (N, C)
        if target.shape == (n, c) and target.dtype.kind == "f":
            probs = target.astype(logits.dtype, copy=False)
            values = -(probs * log_p).sum(axis=1)
            grad = np.exp(log_p) - probs
        else:
            self._check_indices(target, n, c)
            values = -log_p[np.arange(n), target]
            grad = np.exp(log_p)
            grad[np.arange(n), target] -= 1.0
        self._grad = self._scale(n) * grad
        return self._reduce(values, n)

    def _check_indices(self, target: np.ndarray, n: int, c: int) -> None:
        if target.dtype.kind not in "iu":
            hint = (" Hint: class labels must be integers, target.astype(int)."
                    if target.dtype.kind in "fb" and target.shape == (n,) else
                    f" Hint: give class indices (N,) = ({n},) of integers, or probabilities ({n}, {c}).")
            raise TypeError(f"{self.describe()} expected integer class indices as target, got dtype "
                            f"{target.dtype} with shape {shape_text(target.shape)}.{hint}")
        if target.shape != (n,):
            raise ShapeError(f"{self.describe()} expected target of shape ({n},) (one class index per "
                             f"example), got {shape_text(target.shape)}."
                             + (" Hint: flatten it, target.reshape(-1)." if target.size == n else ""))
        if n and (target.min() < 0 or target.max() >= c):
            bad = int(target.min() if target.min() < 0 else target.max())
            raise IndexError(f"{self.describe()} got class index {bad}, but pred has {c} classes (0 to {c - 1}). "
                             "Hint: the last layer needs one output per class.")
