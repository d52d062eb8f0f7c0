"""``own_work`` and ``ShortcutUsed`` by their former home; the allow-lists live in ``labkit.exercises.allowlist``."""

from labkit.exercises.allowlist import ShortcutUsed, own_work

__all__ = ["ShortcutUsed", "own_work"]
