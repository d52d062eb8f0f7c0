"""Input checks shared by the layers: float arrays, shapes, finite values.

Every message says what was given, what was expected and a hint, so a learner
can fix the call without reading labkit's source.
"""

from __future__ import annotations

import numpy as np

from labkit.errors import NonFiniteError, ShapeError


def shape_text(shape: tuple) -> str:
    """(5, 10) -> "(5, 10)", () -> "()" (a scalar)."""
    return "(" + ", ".join(str(int(s)) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def as_float_array(x, who: str, dtype=None, name: str = "input") -> np.ndarray:
    """Return ``x`` as a float ndarray (cast to ``dtype`` if given), or raise a TypeError that helps.

    Integer, boolean, complex and object arrays are refused: a layer computes with
    real numbers, and silently converting labels or indices hides mistakes.
    """
    array = x if isinstance(x, np.ndarray) else np.asarray(x)
    kind = array.dtype.kind
    if kind != "f":
        if kind in "iub":
            hint = f"convert it first: {name}.astype(np.float64)"
        elif kind == "O":
            hint = ("an object array usually means rows of different lengths or mixed types; "
                    "build a rectangular float array with np.array(rows, dtype=float)")
        else:
            hint = "labkit.nn works with real numbers (float32 or float64)"
        raise TypeError(f"{who} expected a float array as {name}, got dtype {array.dtype} "
                        f"(shape {shape_text(array.shape)}). Hint: {hint}.")
    if dtype is not None and array.dtype != dtype:
        array = array.astype(dtype)
    return array


def check_grad_shape(grad_out, expected: tuple, who: str) -> np.ndarray:
    """``grad_out`` as an array of the shape of the layer's last output, or a ShapeError."""
    grad = grad_out if isinstance(grad_out, np.ndarray) else np.asarray(grad_out, dtype=float)
    if grad.shape != tuple(expected):
        raise ShapeError(
            f"{who}.backward expected grad_out of shape {shape_text(expected)} (the shape of its "
            f"last output), got {shape_text(grad.shape)}. Hint: pass the gradient of the loss "
            "with respect to this layer's output, e.g. the value returned by the next layer's backward."
        )
    return grad


def _float_arrays(value):
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "f":
            yield value
    elif isinstance(value, np.floating):
        yield np.asarray(value)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _float_arrays(item)


def _describe_bad(array: np.ndarray) -> str:
    n_nan = int(np.isnan(array).sum())
    n_inf = int(np.isinf(array).sum())
    parts = []
    if n_nan:
        parts.append(f"{n_nan} NaN")
    if n_inf:
        parts.append(f"{n_inf} inf")
    return " and ".join(parts) + f" of {array.size} values"


def check_finite(output, inputs, who: str) -> None:
    """Raise NonFiniteError if ``output`` holds NaN or inf, saying whether the input already did.

    One sum per array keeps the check cheap: a NaN or inf anywhere makes the sum non-finite.
    """
    for array in _float_arrays(output):
        if np.isfinite(np.add.reduce(array, axis=None)):
            continue
        if np.isfinite(array).all():  # the sum overflowed, the values are fine
            continue
        bad_inputs = [a for a in _float_arrays(inputs) if not np.isfinite(a).all()]
        if bad_inputs:
            raise NonFiniteError(
                f"{who} received an input that already contained {_describe_bad(bad_inputs[0])}, "
                f"so its output has {_describe_bad(array)}. Hint: check the data "
                "(np.isnan(x).any(), np.isinf(x).any()) or the layer before this one."
            )
        raise NonFiniteError(
            f"{who} produced {_describe_bad(array)} in forward from a finite input. Hint: its "
            "parameters may have diverged (try a smaller learning rate, check for NaN in the "
            "weights), or the input is so large that exp/log overflow (standardize the inputs)."
        )


def check_positive_int(value, name: str, who: str) -> int:
    """``value`` as an int >= 1, or a ValueError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{who}: {name} must be a positive integer, got {value!r}.")
    return int(value)


def pair(value, name: str, who: str, minimum: int = 1) -> tuple[int, int]:
    """3 -> (3, 3); (2, 3) -> (2, 3); checks each is an int >= minimum."""
    items = tuple(value) if isinstance(value, (tuple, list)) else (value, value)
    if len(items) != 2 or any(isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < minimum
                              for v in items):
        raise ValueError(f"{who}: {name} must be an int >= {minimum} or a pair of them, got {value!r}.")
    return int(items[0]), int(items[1])
