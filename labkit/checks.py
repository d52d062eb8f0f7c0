"""The names exercise tests import: ``from labkit.checks import check_close, own_work, ...``.

The exercise machinery lives in ``labkit.exercises`` (feedback, allow-lists, progress, demo fallbacks); this
module only gathers the names the lessons' test cells use, so that a cell needs one import.
"""

from labkit.exercises.allowlist import TORCH_TENSOR_MATH, ShortcutUsed, own_work
from labkit.exercises.feedback import (CheckFailed, check_callable, check_close, check_equal, check_raises,
                                       check_shape, check_true, passed, show)
from labkit.exercises.fallback import yours_or_reference

__all__ = ["CheckFailed", "ShortcutUsed", "TORCH_TENSOR_MATH", "check_callable", "check_close", "check_equal",
           "check_raises", "check_shape", "check_true", "own_work", "passed", "show", "yours_or_reference"]
