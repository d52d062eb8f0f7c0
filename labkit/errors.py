"""Errors that labkit raises, each saying what was given, what was expected, and a hint.

They subclass the built-in exception a Python programmer would expect, so
``except ValueError`` still works around a ``ShapeError``.
"""


class ShapeError(ValueError):
    """An array arrived with a shape the function or layer cannot use."""


class NotFittedError(RuntimeError):
    """A transform or model was used before ``fit`` was called."""


class BackwardBeforeForwardError(RuntimeError):
    """``backward`` was called before ``forward`` stored what it needs."""


class NonFiniteError(FloatingPointError):
    """A NaN or an infinity appeared where a finite number was expected."""
