"""Activation functions as layers: each forward keeps what its derivative needs.

Sigmoid, Tanh, ReLU, LeakyReLU, Softmax, Step and Identity; shapes are kept:
x (*) -> y (*), and backward maps grad_out (*) -> grad_in (*).

At the end, the same functions called on a number or an array (``relu(z)``, ``relu_prime(z)``,
``softmax(z, axis)``): each runs its layer's forward, and the derivative is the layer's backward
of ones. Lesson 02's demos draw with them until the learner's own versions pass their checks.
"""

from __future__ import annotations

import numpy as np

from labkit.nn._validation import as_float_array, check_grad_shape
from labkit.nn.module import Module


def sigmoid(x: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-x)), computed without overflow: exp is only taken of -|x|. x (*) -> (*)."""
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(float)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)).astype(x.dtype, copy=False)


class Sigmoid(Module):
    """y = 1 / (1 + e^-x);  dy/dx = y (1 - y)."""

    def __init__(self):
        self._y = None

    def forward(self, x):
        self._y = sigmoid(as_float_array(x, "Sigmoid()"))
        return self._y

    def backward(self, grad_out):
        self._require_forward(self._y)
        grad = check_grad_shape(grad_out, self._y.shape, "Sigmoid()")
        return grad * self._y * (1.0 - self._y)


class Tanh(Module):
    """y = tanh(x);  dy/dx = 1 - y^2."""

    def __init__(self):
        self._y = None

    def forward(self, x):
        self._y = np.tanh(as_float_array(x, "Tanh()"))
        return self._y

    def backward(self, grad_out):
        self._require_forward(self._y)
        grad = check_grad_shape(grad_out, self._y.shape, "Tanh()")
        return grad * (1.0 - self._y * self._y)


class ReLU(Module):
    """y = max(x, 0);  dy/dx = 1 where x > 0, else 0 (torch also uses 0 at x = 0)."""

    def __init__(self):
        self._positive = None

    def forward(self, x):
        x = as_float_array(x, "ReLU()")
        self._positive = x > 0
        return np.maximum(x, 0)

    def backward(self, grad_out):
        self._require_forward(self._positive)
        grad = check_grad_shape(grad_out, self._positive.shape, "ReLU()")
        return grad * self._positive


class LeakyReLU(Module):
    """y = x where x > 0, else negative_slope * x;  dy/dx = 1 or negative_slope."""

    def __init__(self, negative_slope: float = 0.01):
        self.negative_slope = float(negative_slope)
        self._positive = None

    def extra_repr(self) -> str:
        return f"negative_slope={self.negative_slope}"

    def forward(self, x):
        x = as_float_array(x, self.describe())
        self._positive = x > 0
        return np.where(self._positive, x, self.negative_slope * x)

    def backward(self, grad_out):
        self._require_forward(self._positive)
        grad = check_grad_shape(grad_out, self._positive.shape, self.describe())
        return np.where(self._positive, grad, self.negative_slope * grad)


class Softmax(Module):
    """y_i = exp(x_i) / sum_j exp(x_j) along ``dim``; the outputs along dim sum to 1.

    dim defaults to -1 (torch requires it; for a batch (N, C) of scores use dim=1 or -1).
    The maximum is subtracted first, so large scores do not overflow.
    Backward: grad_in = y * (grad_out - sum(grad_out * y, dim)).
    """

    def __init__(self, dim: int = -1):
        self.dim = int(dim)
        self._y = None

    def extra_repr(self) -> str:
        return f"dim={self.dim}"

    def forward(self, x):
        x = as_float_array(x, self.describe())
        shifted = x - x.max(axis=self.dim, keepdims=True)
        e = np.exp(shifted)
        self._y = e / e.sum(axis=self.dim, keepdims=True)
        return self._y

    def backward(self, grad_out):
        self._require_forward(self._y)
        grad = check_grad_shape(grad_out, self._y.shape, self.describe())
        y = self._y
        return y * (grad - (grad * y).sum(axis=self.dim, keepdims=True))


class Step(Module):
    """The perceptron's activation: y = 1 where x >= 0, else 0 (as labkit.nn.Neuron).

    Its true derivative is 0 everywhere except at 0, so by default backward returns
    zeros: gradient descent cannot train a step network, which is the lesson.
    With ``straight_through=True`` backward passes grad_out through unchanged
    (the "straight-through estimator"), a trick used to train binary networks.
    """

    def __init__(self, straight_through: bool = False):
        self.straight_through = bool(straight_through)
        self._shape = None

    def extra_repr(self) -> str:
        return "straight_through=True" if self.straight_through else ""

    def forward(self, x):
        x = as_float_array(x, self.describe())
        self._shape = x.shape
        return (x >= 0).astype(x.dtype)

    def backward(self, grad_out):
        self._require_forward(self._shape)
        grad = check_grad_shape(grad_out, self._shape, self.describe())
        return grad.copy() if self.straight_through else np.zeros_like(grad)


class Identity(Module):
    """y = x (a placeholder layer); backward passes the gradient through."""

    def __init__(self):
        self._shape = None

    def forward(self, x):
        x = as_float_array(x, "Identity()")
        self._shape = x.shape
        return x

    def backward(self, grad_out):
        self._require_forward(self._shape)
        return check_grad_shape(grad_out, self._shape, "Identity()")


# Functions of a number or an array, computed by the layers above.

def _forward(layer: Module, z) -> np.ndarray:
    return layer.forward(np.asarray(z, dtype=float))


def _slope(layer: Module, z) -> np.ndarray:
    """f'(z) element-wise: the layer's backward of ones after its forward of z (same shape as z)."""
    y = _forward(layer, z)
    return layer.backward(np.ones_like(y))


def sigmoid_prime(z) -> np.ndarray:
    """z (*) -> sigma'(z) = sigma(z) (1 - sigma(z)), same shape."""
    return _slope(Sigmoid(), z)


def tanh(z) -> np.ndarray:
    """z (*) -> tanh(z), same shape."""
    return _forward(Tanh(), z)


def tanh_prime(z) -> np.ndarray:
    """z (*) -> 1 - tanh(z)^2, same shape."""
    return _slope(Tanh(), z)


def relu(z) -> np.ndarray:
    """z (*) -> max(z, 0), same shape."""
    return _forward(ReLU(), z)


def relu_prime(z) -> np.ndarray:
    """z (*) -> 1.0 where z > 0, else 0.0 (torch's choice at 0), same shape."""
    return _slope(ReLU(), z)


def leaky_relu(z, negative_slope: float = 0.01) -> np.ndarray:
    """z (*) -> z where z > 0, else negative_slope * z, same shape."""
    return _forward(LeakyReLU(negative_slope), z)


def leaky_relu_prime(z, negative_slope: float = 0.01) -> np.ndarray:
    """z (*) -> 1.0 where z > 0, else negative_slope, same shape."""
    return _slope(LeakyReLU(negative_slope), z)


def softmax(z, axis: int = -1) -> np.ndarray:
    """z (..., C, ...) scores -> probabilities of the same shape, summing to 1 along ``axis``."""
    return _forward(Softmax(dim=axis), z)
