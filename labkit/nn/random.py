"""The random generator of labkit.nn.

Layer initialization and Dropout draw from one module-level NumPy Generator, so
``manual_seed(seed)`` makes a whole run repeatable, like ``torch.manual_seed``.
"""

from __future__ import annotations

import numpy as np

_generator = np.random.default_rng(0)


def manual_seed(seed: int) -> np.random.Generator:
    """Reset labkit.nn's generator to ``seed`` and return it.

    Every layer created (and every Dropout mask drawn) afterwards depends only
    on ``seed`` and the order of the calls.
    """
    global _generator
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"manual_seed(seed) expected a non-negative integer, got {seed!r}.")
    _generator = np.random.default_rng(int(seed))
    return _generator


def get_generator() -> np.random.Generator:
    """The generator used by layer initialization and Dropout (changes after ``manual_seed``)."""
    return _generator


def get_rng_state() -> dict:
    """A snapshot of the generator's state, for ``set_rng_state``."""
    return _generator.bit_generator.state


def set_rng_state(state: dict) -> None:
    """Restore a state taken with ``get_rng_state`` (the next draws repeat)."""
    _generator.bit_generator.state = state
