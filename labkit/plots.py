"""Plotting helpers shared by the lessons (matplotlib only)."""

from __future__ import annotations

from typing import Callable

import matplotlib.pyplot as plt
import numpy as np

from labkit.errors import ShapeError

CLASS_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")


def _check_2d(X: np.ndarray, y: np.ndarray | None) -> tuple[np.ndarray, np.ndarray | None]:
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ShapeError(f"expected X of shape (N, 2) for a 2-D plot, got {X.shape}.")
    if y is not None:
        y = np.asarray(y)
        if y.shape != (X.shape[0],):
            raise ShapeError(f"expected y of shape ({X.shape[0]},) to match X, got {y.shape}.")
    return X, y


def plot_points(X, y=None, ax=None, *, size: float = 60, labels: tuple[str, ...] | None = None):
    """Scatter 2-D points X (N, 2) coloured by class y (N,). Returns the axes."""
    X, y = _check_2d(X, y)
    ax = ax or plt.gca()
    if y is None:
        ax.scatter(X[:, 0], X[:, 1], s=size, c="k")
        return ax
    for k, cls in enumerate(np.unique(y)):
        m = y == cls
        name = labels[k] if labels else f"class {cls:g}" if np.issubdtype(type(cls), np.number) else str(cls)
        ax.scatter(X[m, 0], X[m, 1], s=size, color=CLASS_COLORS[k % len(CLASS_COLORS)],
                   edgecolor="k", linewidth=0.6, label=name, zorder=3)
    return ax


def grid_over(X, padding: float = 0.5, resolution: int = 200) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A mesh over the bounding box of X (N, 2): returns xx, yy (R, R) and the points (R*R, 2)."""
    X, _ = _check_2d(X, None)
    lo = X.min(axis=0) - padding
    hi = X.max(axis=0) + padding
    xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    return xx, yy, np.c_[xx.ravel(), yy.ravel()]


def plot_decision_boundary(predict: Callable[[np.ndarray], np.ndarray], X, y=None, ax=None, *,
                           resolution: int = 200, padding: float = 0.5, levels: int = 20,
                           cmap: str = "RdBu_r", vmin: float = 0.0, vmax: float = 1.0):
    """Shade what ``predict`` (M, 2) -> (M,) says over the plane, draw its 0.5 contour and the points.

    ``predict`` should return a score in [vmin, vmax] (a probability, or 0/1).
    """
    X, y = _check_2d(X, y)
    ax = ax or plt.gca()
    xx, yy, grid = grid_over(X, padding, resolution)
    z = np.asarray(predict(grid), dtype=float).reshape(xx.shape)
    ax.contourf(xx, yy, z, levels=np.linspace(vmin, vmax, levels + 1), cmap=cmap, alpha=0.35, extend="both")
    mid = (vmin + vmax) / 2
    if z.min() < mid < z.max():
        ax.contour(xx, yy, z, levels=[mid], colors="k", linewidths=1.5)
    plot_points(X, y, ax=ax)
    ax.set_xlim(xx.min(), xx.max())
    ax.set_ylim(yy.min(), yy.max())
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    return ax


def plot_line(w1: float, w2: float, b: float, ax=None, **kwargs):
    """Draw the line w1*x1 + w2*x2 + b = 0 across the current axes limits."""
    ax = ax or plt.gca()
    x_lo, x_hi = ax.get_xlim()
    y_lo, y_hi = ax.get_ylim()
    style = {"color": "k", "linestyle": "--", "linewidth": 1.5} | kwargs
    if abs(w2) > 1e-12:
        xs = np.array([x_lo, x_hi])
        ax.plot(xs, -(w1 * xs + b) / w2, **style)
    elif abs(w1) > 1e-12:
        ax.axvline(-b / w1, **style)
    ax.set_xlim(x_lo, x_hi)
    ax.set_ylim(y_lo, y_hi)
    return ax


def plot_curves(curves: dict[str, list[float]], ax=None, *, xlabel: str = "epoch", ylabel: str = "", logy: bool = False):
    """Plot named curves (e.g. {"train": [...], "val": [...]}) against their index."""
    ax = ax or plt.gca()
    for name, values in curves.items():
        ax.plot(np.arange(1, len(values) + 1), values, marker="o" if len(values) < 30 else None, label=name)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if logy:
        ax.set_yscale("log")
    if len(curves) > 1:
        ax.legend()
    ax.grid(alpha=0.3)
    return ax


def text_color_on(rgba) -> str:
    """"black" or "white", whichever reads better on the colour ``rgba`` (WCAG contrast of its luminance)."""
    channels = np.asarray(rgba, dtype=float)[:3]
    linear = np.where(channels <= 0.03928, channels / 12.92, ((channels + 0.055) / 1.055) ** 2.4)
    luminance = float(linear @ np.array([0.2126, 0.7152, 0.0722]))
    return "black" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "white"


def label_cells(ax, values, image=None, fmt: str = "{:.2g}", **text_kwargs) -> list:
    """Write each entry of ``values`` (H, W) at its cell of an ``imshow`` image, in a colour that reads on it.

    Each number is black on light cells and white on dark ones (dark red and dark blue of ``RdBu_r``,
    for instance), chosen from the colour the image draws there. ``image`` defaults to the last
    image drawn on ``ax``; ``fmt`` formats a value. Returns the Text objects.
    """
    values = np.asarray(values)
    if values.ndim != 2:
        raise ShapeError(f"label_cells expects a (H, W) array of values, got shape {values.shape}.")
    image = image if image is not None else (ax.images[-1] if ax.images else None)
    if image is None:
        raise ValueError("label_cells needs an image on the axes: call ax.imshow(...) first.")
    colors = image.to_rgba(np.asarray(image.get_array()))
    if colors.shape[:2] != values.shape:
        raise ShapeError(f"label_cells: values of shape {values.shape} do not match the image's {colors.shape[:2]}.")
    style = {"ha": "center", "va": "center", **text_kwargs}
    return [ax.text(c, r, fmt.format(v), color=text_color_on(colors[r, c]), **style)
            for (r, c), v in np.ndenumerate(values)]
