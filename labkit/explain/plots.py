"""Pictures of attributions: over an image, along a 1-D signal, and per tabular feature.

Every function takes NumPy arrays or tensors (a leading batch dimension of size 1 is
dropped), draws with matplotlib and returns the Figure, so a notebook shows it and a
test can inspect it. Red means the feature pushes the target score up, blue down.
"""

from __future__ import annotations

from typing import Optional, Sequence, Union

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from labkit.errors import ShapeError

ArrayLike = Union[np.ndarray, "torch.Tensor"]  # noqa: F821


def _numpy(a: ArrayLike, name: str) -> np.ndarray:
    """A float NumPy copy of ``a`` without a leading batch dimension of size 1."""
    if hasattr(a, "detach"):
        a = a.detach().cpu().numpy()
    a = np.asarray(a, dtype=float)
    return a[0] if a.ndim > 1 and a.shape[0] == 1 else a


def _symmetric_limit(a: np.ndarray) -> float:
    """Colour scale limit so that 0 sits in the middle of a diverging colour map."""
    limit = float(np.abs(a).max())
    return limit if limit > 0 else 1.0


def plot_image_attributions(
    image: ArrayLike,
    attributions: ArrayLike,
    title: Optional[str] = None,
    alpha: float = 0.6,
) -> Figure:
    """The image, and the attributions (summed over channels) laid over a grey copy of it.

    Args:
        image: (H, W), (C, H, W) or (1, C, H, W).
        attributions: same shape as image.
        title: suptitle of the figure.
        alpha: opacity of the attribution layer.
    """
    image, attributions = _numpy(image, "image"), _numpy(attributions, "attributions")
    if image.shape != attributions.shape or image.ndim not in (2, 3):
        raise ShapeError(
            "image and attributions should share a shape (H, W) or (C, H, W), "
            f"got {image.shape} and {attributions.shape}."
        )
    if image.ndim == 3:
        heat = attributions.sum(axis=0)  # (H, W)
        picture = image.transpose(1, 2, 0) if image.shape[0] == 3 else image.mean(axis=0)
    else:
        heat, picture = attributions, image
    span = picture.max() - picture.min()
    picture = (picture - picture.min()) / (span if span > 0 else 1.0)
    grey = picture.mean(axis=2) if picture.ndim == 3 else picture

    figure, (left, right) = plt.subplots(1, 2, figsize=(7, 3.5))
    left.imshow(picture, cmap=None if picture.ndim == 3 else "gray")
    left.set_title("input")
    right.imshow(grey, cmap="gray")
    limit = _symmetric_limit(heat)
    layer = right.imshow(heat, cmap="bwr", vmin=-limit, vmax=limit, alpha=alpha)
    right.set_title("attribution")
    figure.colorbar(layer, ax=right, fraction=0.046)
    for axis in (left, right):
        axis.set_xticks([])
        axis.set_yticks([])
    if title:
        figure.suptitle(title)
    return figure


def plot_signal_attributions(
    signal: ArrayLike,
    attributions: ArrayLike,
    title: Optional[str] = None,
) -> Figure:
    """A 1-D signal coloured by its attributions, with the attributions as bars below.

    Args:
        signal: (T,) or (1, T).
        attributions: same shape as signal.
        title: title of the upper panel.
    """
    signal, attributions = _numpy(signal, "signal"), _numpy(attributions, "attributions")
    if signal.ndim != 1 or signal.shape != attributions.shape:
        raise ShapeError(f"signal and attributions should both be (T,), got {signal.shape} and {attributions.shape}.")
    steps = np.arange(len(signal))
    limit = _symmetric_limit(attributions)
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(7, 4), sharex=True, height_ratios=(2, 1))
    top.plot(steps, signal, color="0.6", linewidth=1)
    points = top.scatter(steps, signal, c=attributions, cmap="bwr", vmin=-limit, vmax=limit, s=14)
    figure.colorbar(points, ax=[top, bottom], fraction=0.03)
    top.set_ylabel("signal")
    bottom.bar(steps, attributions, color=np.where(attributions >= 0, "tab:red", "tab:blue"), width=1.0)
    bottom.axhline(0, color="black", linewidth=0.5)
    bottom.set_ylabel("attribution")
    bottom.set_xlabel("time step")
    if title:
        top.set_title(title)
    return figure


def plot_feature_attributions(
    attributions: ArrayLike,
    feature_names: Optional[Sequence[str]] = None,
    errors: Optional[ArrayLike] = None,
    title: Optional[str] = None,
    top: Optional[int] = None,
) -> Figure:
    """Horizontal bars of tabular attributions (or importances), largest magnitude on top.

    Args:
        attributions: (F,) one number per feature.
        feature_names: F names; default "feature 0", "feature 1", ...
        errors: (F,) error bar per feature, e.g. ``importances_std``.
        title: axes title.
        top: show only the ``top`` features of largest magnitude.
    """
    attributions = _numpy(attributions, "attributions")
    if attributions.ndim != 1:
        raise ShapeError(f"attributions should be (F,), got shape {attributions.shape}.")
    names = list(feature_names) if feature_names is not None else [f"feature {j}" for j in range(len(attributions))]
    if len(names) != len(attributions):
        raise ShapeError(f"got {len(names)} feature names for {len(attributions)} attributions.")
    order = np.argsort(np.abs(attributions))[::-1][: top or len(attributions)][::-1]
    figure, axis = plt.subplots(figsize=(6, 0.35 * len(order) + 1.2))
    axis.barh(
        np.arange(len(order)),
        attributions[order],
        xerr=None if errors is None else _numpy(errors, "errors")[order],
        color=np.where(attributions[order] >= 0, "tab:red", "tab:blue"),
    )
    axis.set_yticks(np.arange(len(order)), [names[j] for j in order])
    axis.axvline(0, color="black", linewidth=0.5)
    axis.set_xlabel("attribution")
    if title:
        axis.set_title(title)
    figure.tight_layout()
    return figure
