"""Argument checks shared by the loaders: each error names the argument, the value and what is allowed."""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Integral, Real


def check_int(name: str, value: object, minimum: int | None = None, maximum: int | None = None) -> int:
    """Return ``value`` as an int, or raise naming ``name``, the value and the allowed range."""
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise TypeError(f"{name} must be an integer, got {value!r} ({type(value).__name__}).")
    value = int(value)
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}.{_range_hint(minimum, maximum)}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be <= {maximum}, got {value}.{_range_hint(minimum, maximum)}")
    return value


def check_float(
    name: str,
    value: object,
    minimum: float | None = None,
    maximum: float | None = None,
    *,
    inclusive_min: bool = True,
    inclusive_max: bool = True,
) -> float:
    """Return ``value`` as a finite float inside [minimum, maximum] (or raise, naming ``name``)."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a number, got {value!r} ({type(value).__name__}).")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value}.")
    low_ok = minimum is None or (value >= minimum if inclusive_min else value > minimum)
    high_ok = maximum is None or (value <= maximum if inclusive_max else value < maximum)
    if not (low_ok and high_ok):
        left = "(-inf" if minimum is None else ("[" if inclusive_min else "(") + f"{minimum:g}"
        right = "inf)" if maximum is None else f"{maximum:g}" + ("]" if inclusive_max else ")")
        raise ValueError(f"{name} must lie in {left}, {right}, got {value:g}.")
    return value


def check_seed(seed: object) -> int:
    """A seed is a non-negative integer."""
    return check_int("seed", seed, minimum=0)


def check_choice(name: str, value: object, choices: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``choices``, else raise listing them."""
    choices = list(choices)
    if value not in choices:
        raise ValueError(f"{name}={value!r} is not known; choose one of {choices}.")
    return value  # type: ignore[return-value]


def _range_hint(minimum: int | None, maximum: int | None) -> str:
    if minimum is not None and maximum is not None:
        return f" Allowed: {minimum}..{maximum}."
    return ""
