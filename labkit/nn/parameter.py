"""Parameter: an array that a layer learns, with the gradient that backward fills in."""

from __future__ import annotations

import numpy as np

from labkit.nn.dtype import resolve_dtype


class Parameter:
    """A learnable array, as ``torch.nn.Parameter``.

    Attributes:
        data: the values, a float ndarray of any shape.
        grad: None until a backward pass fills it, then an ndarray of ``data.shape``.
            Gradients accumulate (``+=``) until ``zero_grad`` sets them back to None.
        requires_grad: False freezes the parameter (optimizers then skip it).
    """

    def __init__(self, data, requires_grad: bool = True, dtype=None):
        array = np.asarray(data)
        if dtype is None and array.dtype.kind == "f":
            dtype = array.dtype
        self.data = np.array(array, dtype=resolve_dtype(dtype))
        self.grad: np.ndarray | None = None
        self.requires_grad = bool(requires_grad)

    @property
    def shape(self) -> tuple:
        return self.data.shape

    @property
    def dtype(self) -> np.dtype:
        return self.data.dtype

    @property
    def ndim(self) -> int:
        return self.data.ndim

    def numel(self) -> int:
        """Number of values (as ``torch.Tensor.numel``)."""
        return int(self.data.size)

    def accumulate_grad(self, grad: np.ndarray) -> None:
        """Add ``grad`` (same shape as data) to ``.grad``; the first call stores it.

        ``grad`` must be a fresh array that nobody else modifies afterwards.
        """
        if not self.requires_grad:
            return
        if self.grad is None:
            self.grad = grad if grad.dtype == self.data.dtype else grad.astype(self.data.dtype)
        else:
            self.grad += grad

    def zero_grad(self) -> None:
        """Forget the gradient (``.grad = None``), as torch does by default."""
        self.grad = None

    def __repr__(self) -> str:
        body = np.array2string(self.data, precision=4, threshold=20, edgeitems=2)
        return f"Parameter(shape={self.shape}, dtype={self.dtype}):\n{body}"
