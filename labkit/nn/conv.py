"""Conv2d: 2-D convolution (strictly, cross-correlation, as in every deep learning library).

The trick that makes it fast in NumPy is im2col: every kh x kw patch of the input
becomes one column of a matrix, so the whole convolution is one matrix product
per image. The patches are read through ``np.lib.stride_tricks.as_strided`` (a
view, no copy, until the columns are laid out once). col2im goes back: it adds
each column entry to the pixel it came from, one kernel position at a time.

For stride 1 (the usual case) Conv2d uses a "wide" variant of the same idea: seen
as one flat row of pixels per channel, the padded image shifted by kernel position
(i, j) is simply the flat row starting at i * Wp + j. Each patch row is then a
contiguous slice, and col2im becomes kh*kw additions of contiguous slices. The
price: every output row is computed Wp wide instead of OW wide, and the extra
kw - 1 columns (which mix the end of one row with the start of the next) are
dropped from the output and get zero gradient.
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
    """x (N, C, H, W) -> columns (C*kh*kw, N*OH*OW): one column per output pixel of every image.

    Row (c, i, j) holds pixel (i, j) of channel c of every window, so the whole
    convolution is one matrix product: weight (O, C*kh*kw) @ columns.
    """
    windows = sliding_windows(pad2d(x, padding), kernel, stride)  # (N, C, kh, kw, OH, OW), a view
    n, c, kh, kw, oh, ow = windows.shape
    return windows.transpose(1, 2, 3, 0, 4, 5).reshape(c * kh * kw, n * oh * ow)  # the one copy


def col2im(cols: np.ndarray, input_shape: tuple, kernel: tuple[int, int], stride: tuple[int, int],
           padding: tuple[int, int]) -> np.ndarray:
    """The adjoint of im2col: columns (C*kh*kw, N*OH*OW) -> (N, C, H, W), overlaps summed.

    Loops over the kh*kw kernel positions; each adds a whole (N, C, OH, OW) block
    into a strided slice of the padded image (no np.add.at needed).
    """
    n, c, h, w = input_shape
    (kh, kw), (sh, sw), (ph, pw) = kernel, stride, padding
    oh, ow = output_size(h, kh, sh, ph), output_size(w, kw, sw, pw)
    blocks = cols.reshape(c, kh, kw, n, oh, ow)
    padded = np.zeros((c, n, h + 2 * ph, w + 2 * pw), dtype=cols.dtype)  # channel-major, like cols
    for i in range(kh):
        for j in range(kw):
            padded[:, :, i:i + sh * oh:sh, j:j + sw * ow:sw] += blocks[:, i, j]
    return padded[:, :, ph:ph + h, pw:pw + w].transpose(1, 0, 2, 3)  # (N, C, H, W) view


def wide_im2col(x: np.ndarray, kernel: tuple[int, int], padding: tuple[int, int]) -> tuple[np.ndarray, int]:
    """Stride-1 columns: x (N, C, H, W) -> (C*kh*kw, N*OH*Wp) and Wp, the padded width.

    Column n * OH*Wp + oh * Wp + ow holds the patch of image n whose top-left pixel
    is (oh, ow); the columns with ow >= OW are the extra "wide" ones (see the module docstring).
    """
    n, c, h, w = x.shape
    (kh, kw), (ph, pw) = kernel, padding
    hp, wp = h + 2 * ph, w + 2 * pw
    length = (hp - kh + 1) * wp  # OH * Wp
    flat = np.zeros((c, n, (hp + 1) * wp), dtype=x.dtype)  # one spare zero row: the last wide row reads into it
    flat.reshape(c, n, hp + 1, wp)[:, :, ph:ph + h, pw:pw + w] = x.transpose(1, 0, 2, 3)
    s_c, s_n, s_l = flat.strides
    shifted = as_strided(flat, shape=(c, kh, kw, n, length), strides=(s_c, wp * s_l, s_l, s_n, s_l),
                         writeable=False)  # shifted[c, i, j, n, l] = flat[c, n, i * wp + j + l]
    return shifted.reshape(c * kh * kw, n * length), wp  # the one copy, in contiguous runs


def wide_col2im(cols: np.ndarray, input_shape: tuple, kernel: tuple[int, int], padding: tuple[int, int]) -> np.ndarray:
    """The adjoint of wide_im2col: (C*kh*kw, N*OH*Wp) -> (N, C, H, W), overlaps summed."""
    n, c, h, w = input_shape
    (kh, kw), (ph, pw) = kernel, padding
    hp, wp = h + 2 * ph, w + 2 * pw
    length = (hp - kh + 1) * wp
    blocks = cols.reshape(c, kh, kw, n, length)
    flat = np.zeros((c, n, (hp + 1) * wp), dtype=cols.dtype)
    for i in range(kh):
        for j in range(kw):
            start = i * wp + j
            flat[:, :, start:start + length] += blocks[:, i, j]  # contiguous runs of OH*Wp values
    return flat.reshape(c, n, hp + 1, wp)[:, :, ph:ph + h, pw:pw + w].transpose(1, 0, 2, 3)


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
        w2 = self.weight.data.reshape(self.out_channels, -1)  # (O, K), K = C*kh*kw
        if self.stride == (1, 1):
            cols, width = wide_im2col(x, self.kernel_size, self.padding)  # (K, N*OH*Wp)
        else:
            cols, width = im2col(x, self.kernel_size, self.stride, self.padding), ow  # (K, N*OH*OW)
        out = w2 @ cols  # (O, N*OH*width): the whole convolution in one matrix product
        if self.bias is not None:
            out += self.bias.data[:, None]
        self._cols, self._x_shape, self._width = cols, x.shape, width
        out = out.reshape(self.out_channels, n, oh, width)[:, :, :, :ow]  # drop the wide columns
        return out.transpose(1, 0, 2, 3)  # (N, O, OH, OW), a view

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        """grad_out (N, O, OH, OW) -> grad for x (N, C, H, W); adds weight.grad and bias.grad."""
        self._require_forward(self._cols)
        cols, width, (n, _, h, w) = self._cols, self._width, self._x_shape
        oh = output_size(h, self.kernel_size[0], self.stride[0], self.padding[0])
        ow = output_size(w, self.kernel_size[1], self.stride[1], self.padding[1])
        grad = check_grad_shape(grad_out, (n, self.out_channels, oh, ow), self.describe())
        g = np.zeros((self.out_channels, n, oh, width), dtype=cols.dtype)  # the wide columns get zero gradient
        g[:, :, :, :ow] = grad.transpose(1, 0, 2, 3)
        g = g.reshape(self.out_channels, -1)  # (O, N*OH*width), laid out like the columns of forward
        if self.bias is not None:
            self.bias.accumulate_grad(g.sum(axis=1))  # (O,)
        self.weight.accumulate_grad((g @ cols.T).reshape(self.weight.shape))  # (O, K)
        grad_cols = self.weight.data.reshape(self.out_channels, -1).T @ g  # (K, N*OH*width)
        if self.stride == (1, 1):
            return wide_col2im(grad_cols, self._x_shape, self.kernel_size, self.padding)
        return col2im(grad_cols, self._x_shape, self.kernel_size, self.stride, self.padding)
