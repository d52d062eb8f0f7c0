"""Conv2d: 2-D convolution (strictly, cross-correlation, as in every deep learning library).

The trick that makes it fast in NumPy is im2col: every kh x kw patch of the input
becomes one column of a matrix, so the whole convolution is one matrix product
per image. The patches are read through ``np.lib.stride_tricks.as_strided`` (a
view, no copy, until the columns are laid out once). col2im goes back: it adds
each column entry to the pixel it came from, one kernel position at a time.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.lib.stride_tricks import as_strided

from labkit.errors import ShapeError
from labkit.nn import init
from labkit.nn._validation import as_float_array, check_grad_shape, check_positive_int, pair, shape_text
from labkit.nn.dtype import resolve_dtype
from labkit.nn.module import Module
from labkit.nn.parameter import Parameter


def output_size(size: int, kernel: int, stride: int, padding: int) -> int:
    """floor((size + 2 padding - kernel) / stride) + 1, the output length along one axis."""
    return (size + 2 * padding - kernel) // stride + 1


def pad2d(x: np.ndarray, padding: tuple[int, int], value: float = 0.0) -> np.ndarray:
    """x (N, C, H, W) -> (N, C, H + 2 ph, W + 2 pw), the border filled with ``value``."""
    ph, pw = padding
    if ph == 0 and pw == 0:
        return x
    n, c, h, w = x.shape
    padded = np.full((n, c, h + 2 * ph, w + 2 * pw), value, dtype=x.dtype)
    padded[:, :, ph:ph + h, pw:pw + w] = x
    return padded


def sliding_windows(xp: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int]) -> np.ndarray:
    """A read-only view (N, C, kh, kw, OH, OW) of every kernel window of xp (N, C, Hp, Wp).

    view[n, c, i, j, oh, ow] = xp[n, c, oh * sh + i, ow * sw + j]; no data is copied.
    """
    n, c, hp, wp = xp.shape
    (kh, kw), (sh, sw) = kernel, stride
    oh, ow = (hp - kh) // sh + 1, (wp - kw) // sw + 1
    s_n, s_c, s_h, s_w = xp.strides
    return as_strided(xp, shape=(n, c, kh, kw, oh, ow),
                      strides=(s_n, s_c, s_h, s_w, s_h * sh, s_w * sw), writeable=False)


def im2col(x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int],
           padding: tuple[int, int]) -> np.ndarray:
    """x (N, C, H, W) -> columns (N, C*kh*kw, OH*OW): one column per output pixel."""
    windows = sliding_windows(pad2d(x, padding), kernel, stride)  # (N, C, kh, kw, OH, OW)
    n, c, kh, kw, oh, ow = windows.shape
    return windows.reshape(n, c * kh * kw, oh * ow)  # the one copy


def col2im(cols: np.ndarray, input_shape: tuple, kernel: tuple[int, int], stride: tuple[int, int],
           padding: tuple[int, int]) -> np.ndarray:
    """The adjoint of im2col: columns (N, C*kh*kw, OH*OW) -> (N, C, H, W), overlaps summed.

    Loops over the kh*kw kernel positions; each adds a whole (N, C, OH, OW) block
    into a strided slice of the padded image (no np.add.at needed).
    """
    n, c, h, w = input_shape
    (kh, kw), (sh, sw), (ph, pw) = kernel, stride, padding
    oh, ow = output_size(h, kh, sh, ph), output_size(w, kw, sw, pw)
    blocks = cols.reshape(n, c, kh, kw, oh, ow)
    padded = np.zeros((n, c, h + 2 * ph, w + 2 * pw), dtype=cols.dtype)
    for i in range(kh):
        for j in range(kw):
            padded[:, :, i:i + sh * oh:sh, j:j + sw * ow:sw] += blocks[:, :, i, j]
    return padded[:, :, ph:ph + h, pw:pw + w]


class Conv2d(Module):
    """2-D convolution over images in NCHW layout, as ``torch.nn.Conv2d`` (no groups or dilation).

    Args:
        in_channels: channels C of the input.
        out_channels: number of filters, the channels of the output.
        kernel_size: kh (= kw) or (kh, kw).
        stride: step between windows, int or (sh, sw).
        padding: zeros added on each side, int or (ph, pw).
        bias: learn one bias per filter.
        dtype: np.float64 (default) or np.float32.

    Shapes: x (N, C, H, W) -> y (N, out_channels, OH, OW) with
    OH = (H + 2 ph - kh) // sh + 1. Parameters: weight (out_channels, C, kh, kw),
    bias (out_channels,), both U(-1/sqrt(fan_in), 1/sqrt(fan_in)) with fan_in = C*kh*kw, as torch.
    """

    def __init__(self, in_channels: int, out_channels: int, kernel_size, stride=1, padding=0,
                 bias: bool = True, dtype=None):
        self.in_channels = check_positive_int(in_channels, "in_channels", "Conv2d")
        self.out_channels = check_positive_int(out_channels, "out_channels", "Conv2d")
        self.kernel_size = pair(kernel_size, "kernel_size", "Conv2d")
        self.stride = pair(stride, "stride", "Conv2d")
        self.padding = pair(padding, "padding", "Conv2d", minimum=0)
        dtype = resolve_dtype(dtype)
        kh, kw = self.kernel_size
        self.weight = Parameter(np.zeros((self.out_channels, self.in_channels, kh, kw)), dtype=dtype)
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        self.bias = None
        if bias:
            bound = 1.0 / math.sqrt(self.in_channels * kh * kw)
            self.bias = init.uniform_(Parameter(np.zeros(self.out_channels), dtype=dtype), -bound, bound)
        self._cols = None

    def describe(self) -> str:
        return f"Conv2d({self.in_channels} -> {self.out_channels}, kernel_size={self.kernel_size})"

    def extra_repr(self) -> str:
        return (f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, "
                f"stride={self.stride}, padding={self.padding}")

    def _check_input(self, x: np.ndarray) -> None:
        expected = f"(batch, {self.in_channels}, height, width)"
        if x.ndim != 4:
            hint = (" Hint: add a batch axis with x[None]." if x.ndim == 3 else
                    " Hint: images are (batch, channels, height, width); grey images need a channel "
                    "axis: x.reshape(len(x), 1, height, width)." if x.ndim == 2 else "")
            raise ShapeError(f"{self.describe()} expected input of shape {expected}, "
                             f"got {shape_text(x.shape)} ({x.ndim} axes instead of 4).{hint}")
        if x.shape[1] != self.in_channels:
            raise ShapeError(f"{self.describe()} expected input of shape {expected}, got "
                             f"{shape_text(x.shape)}: {x.shape[1]} channels instead of {self.in_channels}. "
                             "Hint: in_channels must equal the channels of the images (1 for grey, 3 for "
                             "RGB) or the out_channels of the previous Conv2d; NCHW puts channels on axis 1.")
        (kh, kw), (ph, pw) = self.kernel_size, self.padding
        if x.shape[2] + 2 * ph < kh or x.shape[3] + 2 * pw < kw:
            raise ShapeError(f"{self.describe()} got images of size {x.shape[2]}x{x.shape[3]} (padded "
                             f"{x.shape[2] + 2 * ph}x{x.shape[3] + 2 * pw}), smaller than the kernel "
                             f"{kh}x{kw}. Hint: add padding or pool less before this layer.")

    def forward(self, x: np.ndarray) -> np.ndarray:
        """x (N, C, H, W) -> (N, out_channels, OH, OW); keeps the im2col columns for backward."""
        x = as_float_array(x, self.describe(), dtype=self.weight.dtype)
        self._check_input(x)
        n, _, h, w = x.shape
        oh = output_size(h, self.kernel_size[0], self.stride[0], self.padding[0])
        ow = output_size(w, self.kernel_size[1], self.stride[1], self.padding[1])
        cols = im2col(x, self.kernel_size, self.stride, self.padding)  # (N, K, L), K = C*kh*kw, L = OH*OW
        w2 = self.weight.data.reshape(self.out_channels, -1)  # (O, K)
        out = np.matmul(w2, cols)  # (N, O, L)
        if self.bias is not None:
            out += self.bias.data[:, None]
        self._cols, self._x_shape = cols, x.shape
        return out.reshape(n, self.out_channels, oh, ow)

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        """grad_out (N, O, OH, OW) -> grad for x (N, C, H, W); adds weight.grad and bias.grad."""
        self._require_forward(self._cols)
        cols = self._cols
        n, k, l = cols.shape
        oh = output_size(self._x_shape[2], self.kernel_size[0], self.stride[0], self.padding[0])
        ow = output_size(self._x_shape[3], self.kernel_size[1], self.stride[1], self.padding[1])
        grad = check_grad_shape(grad_out, (n, self.out_channels, oh, ow), self.describe())
        g = grad.reshape(n, self.out_channels, l)  # (N, O, L)
        w2 = self.weight.data.reshape(self.out_channels, k)  # (O, K)
        grad_w = np.matmul(g, cols.transpose(0, 2, 1)).sum(axis=0)  # (O, K)
        self.weight.accumulate_grad(grad_w.reshape(self.weight.shape))
        if self.bias is not None:
            self.bias.accumulate_grad(g.sum(axis=(0, 2)))  # (O,)
        grad_cols = np.matmul(w2.T, g)  # (N, K, L)
        return col2im(grad_cols, self._x_shape, self.kernel_size, self.stride, self.padding)
