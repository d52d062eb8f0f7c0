"""im2col: image patches as matrix columns, so a convolution becomes a matrix product.

Every kh x kw patch of the padded input becomes one column of a matrix with
C*kh*kw rows; then ``weight (O, C*kh*kw) @ columns`` is the whole convolution.
The patches are read through ``np.lib.stride_tricks.as_strided`` (a view, no copy)
and laid out once. col2im goes back: it adds each column entry to the pixel it
came from, one kernel position at a time (kh*kw additions of whole blocks, no
``np.add.at``).

``im2col``/``col2im`` below are the plain versions, for the whole batch at once.
``Patches`` is what Conv2d uses; it adds two speed-ups:

- blocks of images, so the columns of a block stay in the CPU's cache while they
  are multiplied (the full column matrix is kh*kw times larger than the input and
  would be streamed through memory three times). Blocks are a few MB, not the
  size of one core's L2: each matrix product is a multi-threaded BLAS call whose
  threads must meet, and on a busy shared machine many small calls wait far more
  than they compute;
- for stride 1, "wide" columns: seen as one flat row of pixels per channel, the
  padded image shifted by kernel position (i, j) is the flat row starting at
  i * Wp + j, so every patch row is a contiguous slice and col2im adds contiguous
  slices. The price: every output row is computed Wp wide instead of OW wide;
  the extra kw - 1 columns (they mix the end of one row with the start of the
  next) are dropped from the output and get zero gradient.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided


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


def im2col(x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int] = (1, 1),
           padding: tuple[int, int] = (0, 0)) -> np.ndarray:
    """x (N, C, H, W) -> columns (C*kh*kw, N*OH*OW): one column per output pixel of every image.

    Row (c, i, j) holds pixel (i, j) of channel c of every window.
    """
    windows = sliding_windows(pad2d(x, padding), kernel, stride)  # (N, C, kh, kw, OH, OW), a view
    n, c, kh, kw, oh, ow = windows.shape
    return windows.transpose(1, 2, 3, 0, 4, 5).reshape(c * kh * kw, n * oh * ow)  # the one copy


def col2im(cols: np.ndarray, input_shape: tuple, kernel: tuple[int, int], stride: tuple[int, int] = (1, 1),
           padding: tuple[int, int] = (0, 0)) -> np.ndarray:
    """The adjoint of im2col: columns (C*kh*kw, N*OH*OW) -> (N, C, H, W), overlapping windows summed."""
    n, c, h, w = input_shape
    (kh, kw), (sh, sw), (ph, pw) = kernel, stride, padding
    oh, ow = output_size(h, kh, sh, ph), output_size(w, kw, sw, pw)
    blocks = cols.reshape(c, kh, kw, n, oh, ow)
    padded = np.zeros((c, n, h + 2 * ph, w + 2 * pw), dtype=cols.dtype)  # channel-major, like cols
    for i in range(kh):
        for j in range(kw):
            padded[:, :, i:i + sh * oh:sh, j:j + sw * ow:sw] += blocks[:, i, j]
    return padded[:, :, ph:ph + h, pw:pw + w].transpose(1, 0, 2, 3)  # (N, C, H, W) view


class Patches:
    """The patches of one batch x (N, C, H, W), served as column blocks of a few images.

    Attributes:
        out_h, out_w: OH and OW of the convolution output.
        width: the computed row width, OW (or Wp for wide stride-1 columns).
        blocks: slices of images whose columns fit ``block_bytes``.

    ``columns(images)`` -> (C*kh*kw, n*OH*width); ``add_grad(cols, images)`` adds a
    gradient of that shape back onto the input; ``input_grad()`` -> (N, C, H, W).
    """

    block_bytes = 4 * 2**20  # columns per block: cache-sized, yet few BLAS calls (see the module docstring)

    def __init__(self, x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], padding: tuple[int, int]):
        n, c, h, w = x.shape
        (kh, kw), (ph, pw) = kernel, padding
        self.shape, self.kernel, self.stride, self.padding = x.shape, kernel, stride, padding
        self.hp, self.wp = h + 2 * ph, w + 2 * pw
        self.out_h, self.out_w = output_size(h, kh, stride[0], ph), output_size(w, kw, stride[1], pw)
        self.wide = stride == (1, 1)
        if self.wide:
            self.width = self.wp
            self.padded = np.zeros((n, c, (self.hp + 1) * self.wp), dtype=x.dtype)  # + 1 spare zero row
            self.padded.reshape(n, c, self.hp + 1, self.wp)[:, :, ph:ph + h, pw:pw + w] = x
        else:
            self.width = self.out_w
            self.padded = pad2d(x, padding)
        per_image = c * kh * kw * self.out_h * self.width * x.dtype.itemsize
        step = max(1, self.block_bytes // per_image)
        self.blocks = [slice(start, min(start + step, n)) for start in range(0, n, step)]
        self._grad = None

    def columns(self, images: slice) -> np.ndarray:
        """The columns (C*kh*kw, n*OH*width) of the images in the slice."""
        xp = self.padded[images]
        n, c = xp.shape[:2]
        kh, kw = self.kernel
        if self.wide:
            length = self.out_h * self.wp
            s_n, s_c, s_l = xp.strides
            shifted = as_strided(xp, shape=(c, kh, kw, n, length), strides=(s_c, self.wp * s_l, s_l, s_n, s_l),
                                 writeable=False)  # shifted[c, i, j, n, l] = xp[n, c, i * Wp + j + l]
            return shifted.reshape(c * kh * kw, n * length)  # contiguous runs of OH*Wp values
        windows = sliding_windows(xp, self.kernel, self.stride)  # (n, C, kh, kw, OH, OW)
        return windows.transpose(1, 2, 3, 0, 4, 5).reshape(c * kh * kw, -1)

    def add_grad(self, cols: np.ndarray, images: slice) -> None:
        """Add gradient columns (C*kh*kw, n*OH*width) onto the gradient of the padded input."""
        n, c = self.shape[0], self.shape[1]
        kh, kw = self.kernel
        if self._grad is None:  # channel-major, like the columns
            self._grad = np.zeros((c, n) + self.padded.shape[2:], dtype=cols.dtype)
        grad = self._grad[:, images]
        m = grad.shape[1]
        if self.wide:
            length = self.out_h * self.wp
            blocks = cols.reshape(c, kh, kw, m, length)
            for i in range(kh):
                for j in range(kw):
                    start = i * self.wp + j
                    grad[:, :, start:start + length] += blocks[:, i, j]
            return
        (sh, sw), oh, ow = self.stride, self.out_h, self.out_w
        blocks = cols.reshape(c, kh, kw, m, oh, ow)
        for i in range(kh):
            for j in range(kw):
                grad[:, :, i:i + sh * oh:sh, j:j + sw * ow:sw] += blocks[:, i, j]

    def input_grad(self) -> np.ndarray:
        """The summed gradient for x, (N, C, H, W) (a view)."""
        n, c, h, w = self.shape
        (ph, pw) = self.padding
        if self._grad is None:
            return np.zeros(self.shape, dtype=self.padded.dtype)
        grad = self._grad.reshape(c, n, -1, self.wp) if self.wide else self._grad
        return grad[:, :, ph:ph + h, pw:pw + w].transpose(1, 0, 2, 3)
