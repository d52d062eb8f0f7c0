"""The default floating-point type of labkit.nn (float64, like a careful calculator).

Layers take ``dtype=None`` and then use this default. float64 makes gradient
checks exact to many digits; float32 halves memory and is what PyTorch uses.
"""

from __future__ import annotations

import numpy as np

_default_dtype = np.dtype(np.float64)


def set_default_dtype(dtype) -> None:
    """Make ``dtype`` (np.float32 or np.float64) the dtype of layers created from now on."""
    global _default_dtype
    _default_dtype = resolve_dtype(dtype)


def get_default_dtype() -> np.dtype:
    """The dtype new layers get when none is given."""
    return _default_dtype


def resolve_dtype(dtype) -> np.dtype:
    """``None`` -> the default dtype; np.float32 / np.float64 (or their names) -> that dtype."""
    if dtype is None:
        return _default_dtype
    try:
        resolved = np.dtype(dtype)
    except TypeError:
        resolved = None
    if resolved not in (np.dtype(np.float32), np.dtype(np.float64)):
        raise TypeError(f"dtype must be np.float32 or np.float64, got {dtype!r}.")
    return resolved
