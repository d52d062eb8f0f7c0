"""Dropout: randomly silence units while training, a regularizer."""

from __future__ import annotations

import numpy as np

from labkit.nn._validation import as_float_array, check_grad_shape
from labkit.nn.module import Module
from labkit.nn.random import get_generator


class Dropout(Module):
    """Inverted dropout, as ``torch.nn.Dropout``.

    In training mode each value is kept with probability 1 - p and then divided by
    1 - p, so the expected output equals the input; the dropped values become 0.
    In eval mode (``model.eval()``) the layer does nothing, and no rescaling is needed.

    Args:
        p: probability of dropping a value, 0 <= p <= 1.
        generator: a numpy Generator for the masks; default labkit.nn's generator,
            so ``manual_seed`` makes the masks repeatable.

    Shapes: x (*) -> y (*). backward multiplies grad_out by the same mask.
    """

    def __init__(self, p: float = 0.5, generator: np.random.Generator | None = None):
        if not 0.0 <= float(p) <= 1.0:
            raise ValueError(f"Dropout probability p must be between 0 and 1, got {p!r}.")
        self.p = float(p)
        self.generator = generator
        self._mask = None

    def extra_repr(self) -> str:
        return f"p={self.p}"

    def forward(self, x):
        x = as_float_array(x, self.describe())
        if not self.training or self.p == 0.0:
            self._mask = np.ones((), dtype=x.dtype)  # identity, broadcast in backward
            self._shape = x.shape
            return x
        rng = self.generator if self.generator is not None else get_generator()
        keep = rng.random(x.shape, dtype=x.dtype) >= self.p  # (*) True with probability 1 - p
        scale = 0.0 if self.p == 1.0 else 1.0 / (1.0 - self.p)
        self._mask = keep * x.dtype.type(scale)  # (*) 0 or 1/(1-p)
        self._shape = x.shape
        return x * self._mask

    def backward(self, grad_out):
        self._require_forward(self._mask)
        grad = check_grad_shape(grad_out, self._shape, self.describe())
        return grad * self._mask
