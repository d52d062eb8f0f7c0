"""The feedback that exercise tests give.

A visible test calls these helpers with the learner's result and a reference it
computed itself. When the result is wrong the helper raises ``CheckFailed``
with a message that says what was called, what came back, what was expected,
and, when the wrong value matches a known mistake, which mistake it was:

    weighted_sum(x=[1, 2], w=[3, 4], b=5) returned 11.0, expected 16.0.
    Hint: this is what you get without the bias. Did you add b?

``CheckFailed`` subclasses ``AssertionError`` so that nbgrader counts it as a
failed test.
"""

from __future__ import annotations

import sys
from typing import Any, Callable, Mapping

import numpy as np


class CheckFailed(AssertionError):
    """An exercise check did not pass; the message says why."""


def show(value: Any, max_items: int = 8) -> str:
    """A short, readable rendering of a value for a message."""
    if value is None:
        return "None"
    torch = sys.modules.get("torch")  # a tensor can only arrive if torch is already imported
    if torch is not None and isinstance(value, torch.Tensor):
        value = value.detach().cpu().numpy()
    if isinstance(value, np.ndarray):
        if value.size > max_items:
            flat = ", ".join(f"{v:.4g}" if isinstance(v, float) else str(v) for v in value.ravel()[:max_items].tolist())
            return f"array of shape {value.shape} starting [{flat}, ...]"
        return np.array2string(value, precision=4, separator=", ", suppress_small=True)
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6g}"
    if isinstance(value, (list, tuple)) and len(value) > max_items:
        return f"{type(value).__name__} of length {len(value)} starting {show(list(value[:max_items]))[:-1]}, ...]"
    return repr(value)


def _as_array(value: Any):
    torch = sys.modules.get("torch")  # importing torch here would cost seconds per lesson
    if torch is not None and isinstance(value, torch.Tensor):
        return value.detach().cpu().numpy()
    return np.asarray(value)


def _fail(call: str, got: Any, expected: Any, detail: str = "", hint: str | None = None) -> None:
    msg = f"{call} returned {show(got)}, expected {show(expected)}."
    if detail:
        msg += f"\n{detail}"
    if hint:
        msg += f"\nHint: {hint}"
    raise CheckFailed(msg)


def _matches(got: np.ndarray, candidate: Any, rtol: float, atol: float) -> bool:
    try:
        cand = _as_array(candidate).astype(float)
        return got.shape == cand.shape and bool(np.allclose(got, cand, rtol=rtol, atol=atol, equal_nan=False))
    except (TypeError, ValueError):
        return False


def _diagnose(got: Any, mistakes: Mapping[str, Any] | None, rtol: float, atol: float) -> str | None:
    if not mistakes:
        return None
    try:
        arr = _as_array(got).astype(float)
    except (TypeError, ValueError):
        return None
    for hint, wrong_value in mistakes.items():
        if _matches(arr, wrong_value, rtol, atol):
            return hint
    return None


def check_close(
    got: Any,
    expected: Any,
    *,
    call: str = "your function",
    mistakes: Mapping[str, Any] | None = None,
    hint: str | None = None,
    rtol: float = 1e-6,
    atol: float = 1e-8,
) -> None:
    """Pass when ``got`` equals ``expected`` numerically (same shape, all close).

    Args:
        got: what the learner's code returned (number, list, ndarray or tensor).
        expected: the reference value, computed by the test itself.
        call: how the call looked, e.g. ``"weighted_sum(x=[1, 2], w=[3, 4], b=5)"``.
        mistakes: ``{hint: value that mistake would give}``; when ``got`` matches
            one of those values, that hint is shown.
        hint: shown when no listed mistake matches.
    """
    if got is None:
        _fail(call, got, expected, hint="your function returned nothing. Did you forget `return`?")
    if got is NotImplemented or got is Ellipsis:
        _fail(call, got, expected, hint="replace the placeholder with your answer.")
    try:
        got_arr = _as_array(got).astype(float)
    except (TypeError, ValueError):
        _fail(call, got, expected, detail=f"That is a {type(got).__name__}, not a number or an array of numbers.", hint=hint)
    exp_arr = _as_array(expected).astype(float)
    if got_arr.shape != exp_arr.shape:
        detail = f"The shape is {got_arr.shape}, expected {exp_arr.shape}."
        if got_arr.size == exp_arr.size:
            detail += " Same number of entries: a reshape or transpose, or a sum over the wrong axis?"
        elif got_arr.ndim < exp_arr.ndim or got_arr.size < exp_arr.size:
            detail += " Too few entries: did you sum over an axis you should have kept?"
        else:
            detail += " Too many entries: did you forget to sum (or sum over the wrong axis)?"
        _fail(call, got, expected, detail=detail, hint=_diagnose(got, mistakes, rtol, atol) or hint)
    if np.isnan(got_arr).any() and not np.isnan(exp_arr).any():
        _fail(call, got, expected, detail="Your result contains NaN: look for 0/0, log(0) or inf - inf.",
              hint=_diagnose(got, mistakes, rtol, atol) or hint)
    if not np.allclose(got_arr, exp_arr, rtol=rtol, atol=atol, equal_nan=True):
        bad = np.argwhere(~np.isclose(got_arr, exp_arr, rtol=rtol, atol=atol, equal_nan=True))
        detail = ""
        if got_arr.ndim > 0 and got_arr.size > 1:
            first = tuple(int(i) for i in bad[0])
            detail = (f"{len(bad)} of {got_arr.size} entries differ; the first at index {first}: "
                      f"got {got_arr[first]:.6g}, expected {exp_arr[first]:.6g}.")
        _fail(call, got, expected, detail=detail, hint=_diagnose(got, mistakes, rtol, atol) or hint)


def check_equal(got: Any, expected: Any, *, call: str = "your answer",
                mistakes: Mapping[str, Any] | None = None, hint: str | None = None) -> None:
    """Pass when ``got == expected`` exactly (for labels, strings, booleans, counts)."""
    if got is None and expected is not None:
        _fail(call, got, expected, hint="nothing came back. Did you forget `return`, or to assign the answer?")
    same = got == expected
    if isinstance(same, np.ndarray):
        same = same.shape == np.shape(expected) and bool(same.all())
    if not same:
        chosen = hint
        for h, wrong in (mistakes or {}).items():
            w = wrong == got
            if (bool(w.all()) if isinstance(w, np.ndarray) else bool(w)):
                chosen = h
                break
        _fail(call, got, expected, hint=chosen)


def check_shape(got: Any, expected_shape: tuple, *, call: str = "your function", hint: str | None = None) -> None:
    """Pass when ``got`` has the expected shape."""
    if got is None:
        raise CheckFailed(f"{call} returned None, expected an array of shape {expected_shape}.\n"
                          "Hint: did you forget `return`?")
    shape = tuple(_as_array(got).shape)
    if shape != tuple(expected_shape):
        msg = f"{call} returned an array of shape {shape}, expected shape {tuple(expected_shape)}."
        if hint:
            msg += f"\nHint: {hint}"
        raise CheckFailed(msg)


def check_true(condition: bool, message: str, hint: str | None = None) -> None:
    """Pass when ``condition`` holds; otherwise fail with ``message`` (and a hint)."""
    if not condition:
        raise CheckFailed(message + (f"\nHint: {hint}" if hint else ""))


def check_callable(namespace: Mapping[str, Any], name: str) -> Callable:
    """Return ``namespace[name]`` if it is a function, else fail with a message that says so."""
    if name not in namespace:
        raise CheckFailed(f"`{name}` is not defined. Run the cell where you wrote it (Shift+Enter) first.")
    fn = namespace[name]
    if not callable(fn):
        raise CheckFailed(f"`{name}` should be a function, but it is a {type(fn).__name__}: {show(fn)}.")
    return fn


def check_raises(fn: Callable, exception: type[BaseException], *, call: str, hint: str | None = None):
    """Pass when ``fn()`` raises ``exception``; return the exception."""
    try:
        fn()
    except exception as err:
        return err
    except Exception as err:  # a different exception is a wrong answer too
        raise CheckFailed(f"{call} raised {type(err).__name__}: {err}, expected {exception.__name__}."
                          + (f"\nHint: {hint}" if hint else "")) from None
    raise CheckFailed(f"{call} raised nothing, expected {exception.__name__}." + (f"\nHint: {hint}" if hint else ""))


def passed(message: str = "All visible checks passed.") -> None:
    """Print a friendly line at the end of a test cell."""
    print(f"\u2714 {message}")


# The no-shortcut mechanism lives in its own module (labkit.shortcut); exercises import
# ``own_work`` and ``ShortcutUsed`` from here. Loaded on first use: labkit.shortcut imports this module.
def __getattr__(name: str):
    if name in ("own_work", "ShortcutUsed"):
        from labkit import shortcut
        return getattr(shortcut, name)
    raise AttributeError(f"module 'labkit.checks' has no attribute {name!r}")
