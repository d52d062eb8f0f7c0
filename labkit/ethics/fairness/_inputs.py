"""Checks shared by the fairness tools: binary labels, group labels, matching lengths."""

from __future__ import annotations

from typing import Any, Optional, Sequence

import numpy as np

from labkit.errors import ShapeError


class FairnessWarning(UserWarning):
    """A fairness number is undefined or rests on very few examples."""


def _array(values: Any, name: str) -> np.ndarray:
    if hasattr(values, "detach"):  # a torch tensor
        values = values.detach().cpu().numpy()
    array = np.asarray(values)
    if array.ndim != 1:
        raise ShapeError(f"{name} should be one value per example, shape (N,), got shape {array.shape}.")
    return array


def check_binary(values: Any, name: str) -> np.ndarray:
    """``values`` (N,) as an int array of 0s and 1s (bools allowed)."""
    array = _array(values, name)
    if array.dtype == bool:
        return array.astype(int)
    if array.size and (array.dtype.kind not in "iuf" or not np.isin(array, (0, 1)).all()):
        found = np.unique(array)[:5].tolist()
        raise ValueError(
            f"{name} should hold 0/1 labels, found values like {found}. "
            "Hint: turn scores into decisions first, e.g. (y_prob >= 0.5).astype(int)."
        )
    return array.astype(int)


def check_scores(values: Any, name: str) -> np.ndarray:
    """``values`` (N,) as finite floats (probabilities or scores)."""
    array = _array(values, name).astype(float)
    if not np.isfinite(array).all():
        raise ValueError(f"{name} should be finite numbers, found nan or inf.")
    return array


def check_groups(groups: Any, n: Optional[int] = None) -> np.ndarray:
    """Group labels (N,) as an array of ints, strings or bools; floats are refused."""
    array = _array(groups, "groups")
    if array.dtype.kind == "f" or (
        array.dtype == object and any(isinstance(g, (float, np.floating)) for g in array)
    ):
        raise TypeError(
            f"groups should be labels (ints, strings or bools), got floats such as {array[:3].tolist()}. "
            "Hint: a continuous attribute (age, income) must be binned into groups first, e.g. "
            "labkit.ethics.privacy.bin_numeric(ages, width=10); labels stored as floats: groups.astype(int)."
        )
    if n is not None and len(array) != n:
        raise ShapeError(f"groups should have one label per example ({n}), got {len(array)}.")
    if len(array) == 0:
        raise ValueError("got no examples: y_true, y_pred and groups are empty.")
    return array


def check_same_length(**arrays: Sequence[Any]) -> None:
    lengths = {name: len(a) for name, a in arrays.items()}
    if len(set(lengths.values())) > 1:
        raise ShapeError(f"expected one value per example in each array, got lengths {lengths}.")
