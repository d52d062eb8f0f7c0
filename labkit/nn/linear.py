"""Linear: the fully connected layer, y = x W^T + b."""

from __future__ import annotations

import math

import numpy as np

from labkit.errors import ShapeError
from labkit.nn import init
from labkit.nn._validation import as_float_array, check_grad_shape, check_positive_int, shape_text
from labkit.nn.dtype import resolve_dtype
from labkit.nn.module import Module
from labkit.nn.parameter import Parameter


class Linear(Module):
    """y = x @ weight.T + bias, as ``torch.nn.Linear``.

    Args:
        in_features: size of each input row.
        out_features: size of each output row.
        bias: learn an additive bias.
        dtype: np.float64 (default, see ``set_default_dtype``) or np.float32.

    Shapes: x (N, in) or (*, in) -> y (N, out) or (*, out).
    Parameters: weight (out, in) and bias (out,), both drawn from
    U(-1/sqrt(in), 1/sqrt(in)) exactly as torch initializes them.
    """

    def __init__(self, in_features: int, out_features: int, bias: bool = True, dtype=None):
        self.in_features = check_positive_int(in_features, "in_features", "Linear")
        self.out_features = check_positive_int(out_features, "out_features", "Linear")
        dtype = resolve_dtype(dtype)
        self.weight = Parameter(np.zeros((self.out_features, self.in_features)), dtype=dtype)
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))  # = U(-1/sqrt(in), 1/sqrt(in))
        self.bias = None
        if bias:
            bound = 1.0 / math.sqrt(self.in_features)
            self.bias = init.uniform_(Parameter(np.zeros(self.out_features), dtype=dtype), -bound, bound)
        self._x = None

    def describe(self) -> str:
        return f"Linear({self.in_features} -> {self.out_features})"

    def extra_repr(self) -> str:
        return f"in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}"

    def forward(self, x: np.ndarray) -> np.ndarray:
        """x (N, in) -> (N, out); keeps x for backward."""
        x = as_float_array(x, self.describe(), dtype=self.weight.dtype)
        if x.ndim == 0 or x.shape[-1] != self.in_features:
            raise ShapeError(self._shape_message(x.shape))
        self._x = x
        out = x @ self.weight.data.T  # (N, out)
        if self.bias is not None:
            out += self.bias.data
        return out

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        """grad_out (N, out) -> grad for x (N, in); adds weight.grad (out, in) and bias.grad (out,)."""
        self._require_forward(self._x)
        x = self._x
        grad = check_grad_shape(grad_out, x.shape[:-1] + (self.out_features,), self.describe())
        x2 = x.reshape(-1, self.in_features)  # (N, in)
        g2 = grad.reshape(-1, self.out_features)  # (N, out)
        self.weight.accumulate_grad(g2.T @ x2)  # (out, in)
        if self.bias is not None:
            self.bias.accumulate_grad(g2.sum(axis=0))  # (out,)
        return grad @ self.weight.data  # (N, in)

    def _shape_message(self, shape: tuple) -> str:
        got = "a scalar" if len(shape) == 0 else shape_text(shape)
        message = f"{self.describe()} expected input of shape (batch, {self.in_features}), got {got}"
        if len(shape) >= 1:
            message += f": {shape[-1]} features in the last axis instead of {self.in_features}."
        if len(shape) >= 3 and int(np.prod(shape[1:])) == self.in_features:
            return message + (" Hint: flatten each example first, x.reshape(len(x), -1), "
                              "or put a Flatten() layer before.")
        if len(shape) == 2 and shape[0] == self.in_features:
            return message + " Hint: the axes look swapped; rows must be examples, so try x.T."
        return message + (f" Hint: the layer before must output {self.in_features} features, "
                          "or change in_features to match the data.")


# The same layer as two functions of arrays (lessons 03 and 05 draw with them until the learner's pass).

def linear_forward(x, weight, bias) -> np.ndarray:
    """x (N, in) or (in,), weight (out, in), bias (out,) -> (N, out) or (out,), as torch.nn.functional.linear."""
    x, weight, bias = (np.asarray(a, dtype=float) for a in (x, weight, bias))
    if x.ndim == 0 or weight.ndim != 2 or x.shape[-1] != weight.shape[1] or bias.shape != (weight.shape[0],):
        raise ShapeError(f"linear_forward expected x (N, in), weight (out, in) and bias (out,) with matching sizes, "
                         f"got x {shape_text(x.shape)}, weight {shape_text(weight.shape)}, bias {shape_text(bias.shape)}. "
                         "Hint: weights are stored (out, in), as torch.nn.Linear stores them.")
    return x @ weight.T + bias  # (N, out)


def linear_backward(x, weight, grad_out) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x (N, in), weight (out, in), grad_out (N, out) -> (grad_x (N, in), grad_weight (out, in), grad_bias (out,))."""
    x, weight, grad_out = (np.asarray(a, dtype=float) for a in (x, weight, grad_out))
    if x.ndim != 2 or weight.ndim != 2 or grad_out.shape != (len(x), weight.shape[0]) or x.shape[1] != weight.shape[1]:
        raise ShapeError(f"linear_backward expected x (N, in), weight (out, in) and grad_out (N, out), got "
                         f"x {shape_text(x.shape)}, weight {shape_text(weight.shape)}, grad_out {shape_text(grad_out.shape)}.")
    return grad_out @ weight, grad_out.T @ x, grad_out.sum(axis=0)
