"""Conv2d: 2-D convolution (strictly, cross-correlation, as in every deep learning library).

Through im2col (see ``labkit.nn.im2col``) the convolution of a block of images is
one matrix product, weight (O, C*kh*kw) @ columns (C*kh*kw, n*OH*OW); its
backward is two more products and a col2im.
"""

from __future__ import annotations

import math

import numpy as np

from labkit.errors import ShapeError
from labkit.nn import init
from labkit.nn._validation import as_float_array, check_grad_shape, check_positive_int, pair, shape_text
from labkit.nn.dtype import resolve_dtype
from labkit.nn.im2col import Patches
from labkit.nn.module import Module
from labkit.nn.parameter import Parameter


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
        self._patches = None

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
        """x (N, C, H, W) -> (N, out_channels, OH, OW); keeps the padded input for backward."""
        x = as_float_array(x, self.describe(), dtype=self.weight.dtype)
        self._check_input(x)
        patches = Patches(x, self.kernel_size, self.stride, self.padding)
        n, o, oh, width = x.shape[0], self.out_channels, patches.out_h, patches.width
        w2 = self.weight.data.reshape(o, -1)  # (O, K), K = C*kh*kw
        out = np.empty((o, n, oh, width), dtype=x.dtype)  # channel-major, like the columns
        for images in patches.blocks:
            block = out[:, images].reshape(o, -1)  # (O, n*OH*width), a view into out
            np.matmul(w2, patches.columns(images), out=block)
        if self.bias is not None:
            out += self.bias.data[:, None, None, None]
        self._patches = patches
        return out[:, :, :, :patches.out_w].transpose(1, 0, 2, 3)  # (N, O, OH, OW), a view

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        """grad_out (N, O, OH, OW) -> grad for x (N, C, H, W); adds weight.grad and bias.grad."""
        self._require_forward(self._patches)
        patches, o = self._patches, self.out_channels
        n, oh, ow, width = patches.shape[0], patches.out_h, patches.out_w, patches.width
        grad = check_grad_shape(grad_out, (n, o, oh, ow), self.describe())
        g = np.zeros((o, n, oh, width), dtype=patches.padded.dtype)  # wide columns get zero gradient
        g[:, :, :, :ow] = grad.transpose(1, 0, 2, 3)
        if self.bias is not None:
            self.bias.accumulate_grad(g.sum(axis=(1, 2, 3)))  # (O,)
        w2t = np.ascontiguousarray(self.weight.data.reshape(o, -1).T)  # (K, O)
        grad_w = np.zeros((o, w2t.shape[0]), dtype=g.dtype)
        for images in patches.blocks:
            cols = patches.columns(images)  # (K, n*OH*width), recomputed: cheaper than keeping it
            g_block = g[:, images].reshape(o, -1)  # (O, n*OH*width)
            grad_w += g_block @ cols.T  # (O, K)
            patches.add_grad(w2t @ g_block, images)  # the gradient for x collects in patches
        self.weight.accumulate_grad(grad_w.reshape(self.weight.shape))
        return patches.input_grad()
