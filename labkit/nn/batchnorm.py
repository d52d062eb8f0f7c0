"""BatchNorm1d: normalize each feature over the batch, then scale and shift."""

from __future__ import annotations

import numpy as np

from labkit.errors import ShapeError
from labkit.nn._validation import as_float_array, check_grad_shape, check_positive_int, shape_text
from labkit.nn.dtype import resolve_dtype
from labkit.nn.module import Module
from labkit.nn.parameter import Parameter


class BatchNorm1d(Module):
    """y = (x - mean) / sqrt(var + eps) * weight + bias, per feature, as ``torch.nn.BatchNorm1d``.

    Training mode: mean and var (biased) come from the batch, and the running
    estimates move towards them: running = (1 - momentum) * running + momentum * batch
    (running_var uses the unbiased variance; momentum=None averages all batches equally).
    Eval mode: the running estimates are used, so one example at a time works.

    Args:
        num_features: C, the features (or channels) to normalize.
        eps: added to the variance for stability.
        momentum: weight of the newest batch in the running estimates, or None.
        affine: learn weight (C,) (starts at 1) and bias (C,) (starts at 0).
        track_running_stats: keep running estimates; if False, eval also uses batch statistics.
        dtype: np.float64 (default) or np.float32.

    Shapes: x (N, C) or (N, C, L) -> same shape.
    """

    _buffer_names = ("running_mean", "running_var", "num_batches_tracked")

    def __init__(self, num_features: int, eps: float = 1e-5, momentum: float | None = 0.1,
                 affine: bool = True, track_running_stats: bool = True, dtype=None):
        self.num_features = check_positive_int(num_features, "num_features", "BatchNorm1d")
        self.eps = float(eps)
        self.momentum = momentum
        self.affine = bool(affine)
        self.track_running_stats = bool(track_running_stats)
        dtype = resolve_dtype(dtype)
        self.weight = Parameter(np.ones(num_features), dtype=dtype) if affine else None
        self.bias = Parameter(np.zeros(num_features), dtype=dtype) if affine else None
        self.running_mean = np.zeros(num_features, dtype=dtype)
        self.running_var = np.ones(num_features, dtype=dtype)
        self.num_batches_tracked = np.array(0, dtype=np.int64)
        self._xhat = None

    def describe(self) -> str:
        return f"BatchNorm1d({self.num_features})"

    def extra_repr(self) -> str:
        return f"{self.num_features}, eps={self.eps}, momentum={self.momentum}, affine={self.affine}"

    def forward(self, x: np.ndarray) -> np.ndarray:
        """x (N, C) or (N, C, L) -> normalized, same shape."""
        dtype = self.weight.dtype if self.affine else self.running_mean.dtype
        x = as_float_array(x, self.describe(), dtype=dtype)
        if x.ndim not in (2, 3) or x.shape[1] != self.num_features:
            raise ShapeError(f"{self.describe()} expected input of shape (batch, {self.num_features}) or "
                             f"(batch, {self.num_features}, length), got {shape_text(x.shape)}. Hint: the "
                             "features must be on axis 1.")
        axes = (0,) if x.ndim == 2 else (0, 2)
        shape = (1, -1) if x.ndim == 2 else (1, -1, 1)  # broadcast a (C,) vector against x
        count = x.size // self.num_features  # values per feature
        use_batch = self.training or not self.track_running_stats
        if use_batch:
            if count < 2:
                raise ValueError(f"{self.describe()} needs more than 1 value per feature in training mode, "
                                 f"got input of shape {shape_text(x.shape)}. Hint: use batches of 2 or more, "
                                 "or call model.eval() to predict one example.")
            mean = x.mean(axis=axes)
            var = x.var(axis=axes)
            if self.training and self.track_running_stats:
                self.num_batches_tracked = self.num_batches_tracked + 1
                m = 1.0 / float(self.num_batches_tracked) if self.momentum is None else float(self.momentum)
                self.running_mean = ((1 - m) * self.running_mean + m * mean).astype(dtype)
                self.running_var = ((1 - m) * self.running_var + m * var * count / (count - 1)).astype(dtype)
        else:
            mean, var = self.running_mean, self.running_var
        inv_std = 1.0 / np.sqrt(var + self.eps)  # (C,)
        xhat = (x - mean.reshape(shape)) * inv_std.reshape(shape)
        self._xhat, self._inv_std, self._used_batch, self._axes, self._shape = xhat, inv_std, use_batch, axes, shape
        if not self.affine:
            return xhat
        return xhat * self.weight.data.reshape(shape) + self.bias.data.reshape(shape)

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        """grad_out like x -> grad for x; adds weight.grad and bias.grad (C,)."""
        self._require_forward(self._xhat)
        xhat, axes, shape = self._xhat, self._axes, self._shape
        grad = check_grad_shape(grad_out, xhat.shape, self.describe())
        if self.affine:
            self.weight.accumulate_grad((grad * xhat).sum(axis=axes))
            self.bias.accumulate_grad(grad.sum(axis=axes))
            grad_xhat = grad * self.weight.data.reshape(shape)
        else:
            grad_xhat = grad
        inv_std = self._inv_std.reshape(shape)
        if not self._used_batch:  # fixed statistics: a per-feature affine map
            return grad_xhat * inv_std
        # The mean and variance depend on every x too; these two terms carry that dependence.
        mean_g = grad_xhat.mean(axis=axes).reshape(shape)
        mean_gx = (grad_xhat * xhat).mean(axis=axes).reshape(shape)
        return (grad_xhat - mean_g - xhat * mean_gx) * inv_std
