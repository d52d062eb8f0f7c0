"""MaxPool2d and AvgPool2d: summarize each window of an image (N, C, H, W).

Both loop over the kh*kw positions inside a window instead of over pixels: each
step handles a whole (N, C, OH, OW) block through a strided slice.
"""

from __future__ import annotations

import numpy as np

from labkit.errors import ShapeError
from labkit.nn._validation import as_float_array, check_grad_shape, pair, shape_text
from labkit.nn.im2col import output_size, pad2d
from labkit.nn.module import Module


class _Pool2d(Module):
    def __init__(self, kernel_size, stride=None, padding=0):
        name = type(self).__name__
        self.kernel_size = pair(kernel_size, "kernel_size", name)
        self.stride = self.kernel_size if stride is None else pair(stride, "stride", name)
        self.padding = pair(padding, "padding", name, minimum=0)
        if any(p > k // 2 for p, k in zip(self.padding, self.kernel_size)):
            raise ValueError(f"{name}: padding {self.padding} must be at most half the kernel size "
                             f"{self.kernel_size} (as in torch).")
        self._x_shape = None

    def describe(self) -> str:
        return f"{type(self).__name__}(kernel_size={self.kernel_size}, stride={self.stride})"

    def extra_repr(self) -> str:
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"

    def _prepare(self, x) -> np.ndarray:
        x = as_float_array(x, self.describe())
        if x.ndim != 4:
            raise ShapeError(f"{self.describe()} expected input of shape (batch, channels, height, width), "
                             f"got {shape_text(x.shape)} ({x.ndim} axes instead of 4)."
                             + (" Hint: add a batch axis with x[None]." if x.ndim == 3 else ""))
        (kh, kw), (ph, pw) = self.kernel_size, self.padding
        if x.shape[2] + 2 * ph < kh or x.shape[3] + 2 * pw < kw:
            raise ShapeError(f"{self.describe()} got images of size {x.shape[2]}x{x.shape[3]}, smaller than "
                             f"the window {kh}x{kw}. Hint: pool less, or pool earlier in the network.")
        self._x_shape = x.shape
        return x

    def _out_hw(self) -> tuple[int, int]:
        _, _, h, w = self._x_shape
        return (output_size(h, self.kernel_size[0], self.stride[0], self.padding[0]),
                output_size(w, self.kernel_size[1], self.stride[1], self.padding[1]))

    def _positions(self, oh: int, ow: int):
        """For each kernel position (i, j): its index k and the strided slice of the padded image."""
        (kh, kw), (sh, sw) = self.kernel_size, self.stride
        for i in range(kh):
            for j in range(kw):
                yield i * kw + j, (slice(None), slice(None), slice(i, i + sh * oh, sh), slice(j, j + sw * ow, sw))

    def _unpad(self, padded: np.ndarray) -> np.ndarray:
        (ph, pw), (_, _, h, w) = self.padding, self._x_shape
        return padded[:, :, ph:ph + h, pw:pw + w]


class MaxPool2d(_Pool2d):
    """The largest value of each window, as ``torch.nn.MaxPool2d``.

    Args:
        kernel_size: window kh (= kw) or (kh, kw).
        stride: step between windows; default kernel_size (windows do not overlap).
        padding: -inf added on each side (at most half the kernel).

    Shapes: x (N, C, H, W) -> (N, C, OH, OW), OH = (H + 2 ph - kh) // sh + 1.
    Backward sends each gradient to the position of its window's maximum (the first
    one when several are equal, as torch).
    """

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__(kernel_size, stride, padding)
        self._argmax = None

    def forward(self, x):
        x = self._prepare(x)
        padded = pad2d(x, self.padding, value=-np.inf)
        oh, ow = self._out_hw()
        out = argmax = None
        for k, window in self._positions(oh, ow):
            values = padded[window]  # (N, C, OH, OW)
            if out is None:
                out, argmax = values.copy(), np.zeros(values.shape, dtype=np.intp)
            else:
                better = values > out
                np.copyto(out, values, where=better)
                argmax[better] = k
        self._argmax = argmax
        return out

    def backward(self, grad_out):
        self._require_forward(self._argmax)
        grad = check_grad_shape(grad_out, self._argmax.shape, self.describe())
        n, c, h, w = self._x_shape
        (ph, pw), (oh, ow) = self.padding, self._out_hw()
        padded = np.zeros((n, c, h + 2 * ph, w + 2 * pw), dtype=grad.dtype)
        for k, window in self._positions(oh, ow):
            padded[window] += np.where(self._argmax == k, grad, 0)
        return self._unpad(padded)


class AvgPool2d(_Pool2d):
    """The mean of each window, as ``torch.nn.AvgPool2d`` (zero padding counted in the mean).

    Shapes: x (N, C, H, W) -> (N, C, OH, OW). Backward spreads each gradient evenly
    over its window: grad / (kh * kw) to every position.
    """

    def forward(self, x):
        x = self._prepare(x)
        padded = pad2d(x, self.padding)
        oh, ow = self._out_hw()
        total = None
        for _, window in self._positions(oh, ow):
            total = padded[window].copy() if total is None else total + padded[window]
        return total / (self.kernel_size[0] * self.kernel_size[1])

    def backward(self, grad_out):
        self._require_forward(self._x_shape)
        n, c, h, w = self._x_shape
        (ph, pw), (oh, ow) = self.padding, self._out_hw()
        grad = check_grad_shape(grad_out, (n, c, oh, ow), self.describe())
        share = grad / (self.kernel_size[0] * self.kernel_size[1])
        padded = np.zeros((n, c, h + 2 * ph, w + 2 * pw), dtype=grad.dtype)
        for _, window in self._positions(oh, ow):
            padded[window] += share
        return self._unpad(padded)
