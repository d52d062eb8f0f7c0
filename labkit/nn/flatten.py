"""Flatten: merge the axes of each example into one, e.g. images (N, C, H, W) -> (N, C*H*W)."""

from __future__ import annotations

import numpy as np

from labkit.nn._validation import check_grad_shape
from labkit.nn.module import Module


class Flatten(Module):
    """Reshape axes start_dim..end_dim into one, as ``torch.nn.Flatten`` (defaults 1 and -1).

    Shapes: (N, C, H, W) -> (N, C*H*W); backward reshapes grad_out back to the input shape.
    """

    def __init__(self, start_dim: int = 1, end_dim: int = -1):
        self.start_dim = int(start_dim)
        self.end_dim = int(end_dim)
        self._shape = None

    def extra_repr(self) -> str:
        return f"start_dim={self.start_dim}, end_dim={self.end_dim}"

    def output_shape(self, shape: tuple) -> tuple:
        """The shape forward returns for an input of ``shape``."""
        if len(shape) == 0:
            return (1,)
        start, end = self.start_dim % len(shape), self.end_dim % len(shape)
        if start > end:
            return tuple(shape)
        return tuple(shape[:start]) + (int(np.prod(shape[start:end + 1])),) + tuple(shape[end + 1:])

    def forward(self, x):
        x = np.asarray(x)
        self._shape = x.shape
        return x.reshape(self.output_shape(x.shape))

    def backward(self, grad_out):
        self._require_forward(self._shape)
        grad = check_grad_shape(grad_out, self.output_shape(self._shape), self.describe())
        return grad.reshape(self._shape)
