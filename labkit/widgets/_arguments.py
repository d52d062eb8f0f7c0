"""Checks of the arguments a widget is built with, with the same clear errors as labkit.nn.

A widget's starting values become slider positions and dropdown choices; ipywidgets
would clamp an out-of-range number without a word and answer an unknown choice with
"Invalid selection: value not found". These checks run first and say which argument,
the value seen and what is accepted:

    Playground: dataset must be one of ['moons', 'circles', 'xor', 'spirals'], got 'spiral'.
    Hint: did you mean 'spirals'?
"""

from __future__ import annotations

import difflib
import numbers
from typing import Any, Iterable


def _fmt(x: float) -> str:
    return f"{x:g}"


def number(value: Any, name: str, who: str, low: float, high: float, *, what: str = "the slider's range") -> float:
    """``value`` as a float in [low, high], or a TypeError/ValueError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{who}: {name} must be a number, got {value!r} ({type(value).__name__}).")
    if not low <= float(value) <= high:
        raise ValueError(f"{who}: {name} must be between {_fmt(low)} and {_fmt(high)} ({what}), got {value!r}.")
    return float(value)


def integer(value: Any, name: str, who: str, low: int, high: int | None = None,
            *, what: str = "the slider's range") -> int:
    """``value`` as an int in [low, high] (no upper bound when ``high`` is None)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        hint = " Hint: use a whole number, e.g. int(...)." if isinstance(value, numbers.Real) else ""
        raise TypeError(f"{who}: {name} must be an integer, got {value!r} ({type(value).__name__}).{hint}")
    if value < low or (high is not None and value > high):
        expected = f"from {low} to {high} ({what})" if high is not None else f"at least {low}"
        raise ValueError(f"{who}: {name} must be an integer {expected}, got {value!r}.")
    return int(value)


def choice(value: Any, name: str, who: str, choices: Iterable[Any]) -> Any:
    """``value`` if it is one of ``choices``; otherwise a ValueError listing them (and a close match)."""
    options = list(choices)
    for option in options:
        if type(option) is type(value) or (isinstance(option, numbers.Real) and isinstance(value, numbers.Real)
                                           and not isinstance(value, bool)):
            try:
                if option == value:
                    return option
            except (TypeError, ValueError):  # e.g. an array compared with a string
                continue
    message = f"{who}: {name} must be one of {options}, got {value!r}."
    if isinstance(value, str):
        close = difflib.get_close_matches(value, [o for o in options if isinstance(o, str)], n=1, cutoff=0.6)
        if close:
            message += f"\nHint: did you mean {close[0]!r}?"
    elif isinstance(value, numbers.Real) and options and all(isinstance(o, numbers.Real) for o in options):
        nearest = min(options, key=lambda o: abs(o - value))
        message += f"\nHint: the nearest choice is {nearest!r}."
    raise ValueError(message)


def flag(value: Any, name: str, who: str) -> bool:
    """``value`` if it is True or False (or a NumPy bool)."""
    if not isinstance(value, bool) and type(value).__name__ != "bool_":
        raise TypeError(f"{who}: {name} must be True or False, got {value!r} ({type(value).__name__}).")
    return bool(value)
