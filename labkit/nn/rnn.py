"""RNN: the simple (Elman) recurrent layer, unrolled over time, with backprop through time."""

from __future__ import annotations

import math

import numpy as np

from labkit.errors import ShapeError
from labkit.nn import init
from labkit.nn._validation import as_float_array, check_grad_shape, check_positive_int, shape_text
from labkit.nn.dtype import resolve_dtype
from labkit.nn.module import Module
from labkit.nn.parameter import Parameter


class RNN(Module):
    """h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh), as ``torch.nn.RNN(batch_first=True)``.

    Args:
        input_size: features of each time step, I.
        hidden_size: size of the hidden state, H.
        bias: learn b_ih and b_hh.
        dtype: np.float64 (default) or np.float32.

    Shapes: ``forward(x, h0=None)`` with x (N, T, I) and h0 (1, N, H) (zeros if None)
    returns ``(output, h_n)``: output (N, T, H) holds every h_t, h_n (1, N, H) the last.
    Parameters (one layer, torch's names without the ``_l0`` suffix): weight_ih (H, I),
    weight_hh (H, H), bias_ih (H,), bias_hh (H,), all U(-1/sqrt(H), 1/sqrt(H)) as torch.

    ``backward(grad_output, grad_h_n=None)`` takes the gradients for output (N, T, H)
    and h_n (1, N, H), walks back through time, returns the gradient for x (N, T, I)
    and stores the one for h0 in ``grad_h0`` (1, N, H).
    """

    def __init__(self, input_size: int, hidden_size: int, bias: bool = True, dtype=None):
        self.input_size = check_positive_int(input_size, "input_size", "RNN")
        self.hidden_size = check_positive_int(hidden_size, "hidden_size", "RNN")
        dtype = resolve_dtype(dtype)
        bound = 1.0 / math.sqrt(self.hidden_size)
        h, i = self.hidden_size, self.input_size
        self.weight_ih = init.uniform_(Parameter(np.zeros((h, i)), dtype=dtype), -bound, bound)
        self.weight_hh = init.uniform_(Parameter(np.zeros((h, h)), dtype=dtype), -bound, bound)
        self.bias_ih = init.uniform_(Parameter(np.zeros(h), dtype=dtype), -bound, bound) if bias else None
        self.bias_hh = init.uniform_(Parameter(np.zeros(h), dtype=dtype), -bound, bound) if bias else None
        self._hs = None
        self.grad_h0 = None

    def describe(self) -> str:
        return f"RNN({self.input_size} -> {self.hidden_size})"

    def extra_repr(self) -> str:
        return f"{self.input_size}, {self.hidden_size}, batch_first=True"

    def forward(self, x: np.ndarray, h0: np.ndarray | None = None):
        """x (N, T, I), h0 (1, N, H) or None -> (output (N, T, H), h_n (1, N, H))."""
        x = as_float_array(x, self.describe(), dtype=self.weight_ih.dtype)
        if x.ndim != 3 or x.shape[2] != self.input_size:
            hint = (" Hint: a single sequence needs a batch axis, x[None]." if x.ndim == 2 else
                    " Hint: the last axis holds the features of one time step (batch_first=True).")
            raise ShapeError(f"{self.describe()} expected input of shape (batch, time, {self.input_size}), "
                             f"got {shape_text(x.shape)}.{hint}")
        n, t, _ = x.shape
        if h0 is None:
            h = np.zeros((n, self.hidden_size), dtype=x.dtype)
        else:
            h0 = as_float_array(h0, self.describe(), dtype=x.dtype, name="h0")
            if h0.shape != (1, n, self.hidden_size):
                raise ShapeError(f"{self.describe()} expected h0 of shape (1, {n}, {self.hidden_size}) "
                                 f"(layers, batch, hidden), got {shape_text(h0.shape)}.")
            h = h0[0]
        pre_x = x @ self.weight_ih.data.T  # (N, T, H): the input part of every step at once
        if self.bias_ih is not None:
            pre_x += self.bias_ih.data + self.bias_hh.data
        hs = np.empty((n, t, self.hidden_size), dtype=x.dtype)
        self._h0 = h
        for step in range(t):
            h = np.tanh(pre_x[:, step] + h @ self.weight_hh.data.T)  # (N, H)
            hs[:, step] = h
        self._x, self._hs = x, hs
        return hs, h[None].copy()

    def backward(self, grad_output: np.ndarray, grad_h_n: np.ndarray | None = None) -> np.ndarray:
        """grad_output (N, T, H), grad_h_n (1, N, H) or None -> grad for x (N, T, I)."""
        self._require_forward(self._hs)
        x, hs = self._x, self._hs
        n, t, hidden = hs.shape
        grad_output = check_grad_shape(grad_output, hs.shape, self.describe())
        grad_h = np.zeros((n, hidden), dtype=hs.dtype)
        if grad_h_n is not None:
            grad_h = check_grad_shape(grad_h_n, (1, n, hidden), self.describe())[0].astype(hs.dtype)
        grad_pre = np.empty_like(hs)  # (N, T, H): gradient before the tanh at every step
        grad_w_hh = np.zeros_like(self.weight_hh.data)
        for step in range(t - 1, -1, -1):
            grad_h = grad_h + grad_output[:, step]  # from the output at t and from step t + 1
            g = grad_h * (1.0 - hs[:, step] ** 2)  # (N, H) through tanh
            grad_pre[:, step] = g
            h_prev = hs[:, step - 1] if step > 0 else self._h0
            grad_w_hh += g.T @ h_prev  # (H, H)
            grad_h = g @ self.weight_hh.data  # to h_{t-1}
        self.grad_h0 = grad_h[None]
        g2 = grad_pre.reshape(-1, hidden)  # (N*T, H)
        self.weight_ih.accumulate_grad(g2.T @ x.reshape(-1, self.input_size))
        self.weight_hh.accumulate_grad(grad_w_hh)
        if self.bias_ih is not None:
            grad_b = g2.sum(axis=0)
            self.bias_ih.accumulate_grad(grad_b)
            self.bias_hh.accumulate_grad(grad_b.copy())
        return grad_pre @ self.weight_ih.data  # (N, T, I)
