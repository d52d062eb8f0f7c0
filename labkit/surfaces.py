"""Two-dimensional loss surfaces with exact gradients, for watching optimizers move.

A surface is a function of a point ``p = (x, y)`` with its gradient. Calling it
works on one point (shape ``(2,)``) or on many (shape ``(..., 2)``), so the same
object draws contour plots and drives an optimizer:

    from labkit.surfaces import Ravine, plot_path, trajectory
    import labkit.nn as nn

    ravine = Ravine(curvature=20)
    path = trajectory(ravine, nn.SGD, start=ravine.start, steps=50, lr=0.05, momentum=0.9)
    ax = ravine.plot()
    plot_path(path, ax=ax, label="momentum")

Surfaces: ``Bowl`` (round), ``Ravine`` (an elongated quadratic, the loss of a
linear model whose inputs have very different scales) and ``Rosenbrock`` (a
curved, flat-bottomed valley, the classic hard test for optimizers).
"""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import numpy as np

from labkit.errors import ShapeError
from labkit.nn.optim import Optimizer
from labkit.nn.parameter import Parameter


def _points(p: Any, owner: str) -> np.ndarray:
    p = np.asarray(p, dtype=float)
    if p.ndim == 0 or p.shape[-1] != 2:
        raise ShapeError(f"{owner} expected a point of shape (2,) or points of shape (..., 2), got shape {p.shape}. "
                         "Hint: pass p = np.array([x, y]).")
    return p


class Surface:
    """Base class: ``surface(p)`` is the value, ``surface.grad(p)`` the gradient.

    Shapes: p (2,) -> value () and grad (2,); p (..., 2) -> value (...) and grad (..., 2).

    Attributes (set by each surface):
        minimum: (2,) the point of the lowest value.
        start: (2,) a starting point that makes the race interesting.
        xlim, ylim: the region drawn by ``plot``.
    """

    name = "surface"
    minimum: np.ndarray
    start: np.ndarray
    xlim: tuple[float, float]
    ylim: tuple[float, float]

    def value(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def gradient(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError

    def __call__(self, p) -> np.ndarray:
        p = _points(p, f"{self!r}")
        return self.value(p[..., 0], p[..., 1])

    def grad(self, p) -> np.ndarray:
        """The gradient (d f / dx, d f / dy) at p (2,) or at each of p (..., 2)."""
        p = _points(p, f"{self!r}.grad")
        gx, gy = self.gradient(p[..., 0], p[..., 1])
        return np.stack([gx, gy], axis=-1)

    @property
    def min_value(self) -> float:
        return float(self(self.minimum))

    def plot(self, ax=None, *, resolution: int = 150, levels: int = 18, filled: bool = True):
        """Draw the surface as contours over (xlim, ylim), levels spaced evenly in log(f - f_min).

        The minimum is marked with a star. Returns the axes.
        """
        ax = ax or plt.gca()
        xs = np.linspace(*self.xlim, resolution)
        ys = np.linspace(*self.ylim, resolution)
        xx, yy = np.meshgrid(xs, ys)
        zz = self.value(xx, yy) - self.min_value
        low = max(float(np.percentile(zz, 0.5)), 1e-3)
        bounds = np.geomspace(low, float(zz.max()), levels)
        if filled:
            ax.contourf(xx, yy, zz, levels=bounds, cmap="viridis", alpha=0.45, extend="both")
        ax.contour(xx, yy, zz, levels=bounds, colors="k", linewidths=0.4, alpha=0.5)
        ax.plot(*self.minimum, marker="*", color="gold", markersize=15, markeredgecolor="k", zorder=5)
        ax.set_xlim(*self.xlim)
        ax.set_ylim(*self.ylim)
        ax.set_xlabel("$w_1$")
        ax.set_ylabel("$w_2$")
        return ax

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Bowl(Surface):
    """f(x, y) = (x^2 + y^2) / 2: round, every direction equally steep. Minimum at (0, 0)."""

    name = "bowl"

    def __init__(self) -> None:
        self.minimum = np.zeros(2)
        self.start = np.array([-4.0, 3.0])
        self.xlim, self.ylim = (-5.0, 5.0), (-4.0, 4.0)

    def value(self, x, y):
        return 0.5 * (x * x + y * y)

    def gradient(self, x, y):
        return x, y


class Ravine(Surface):
    """f(x, y) = (x^2 + curvature * y^2) / 2: a long narrow valley along x. Minimum at (0, 0).

    The curvature along y is ``curvature`` times that along x. Gradient descent
    is stable only for lr < 2 / curvature, and then crawls along x.
    """

    name = "ravine"

    def __init__(self, curvature: float = 20.0) -> None:
        if not curvature >= 1:
            raise ValueError(f"Ravine(curvature={curvature!r}): expected a number >= 1 (1 is a round bowl).")
        self.curvature = float(curvature)
        self.minimum = np.zeros(2)
        self.start = np.array([-4.5, 1.5])
        self.xlim, self.ylim = (-5.0, 5.0), (-2.5, 2.5)

    def value(self, x, y):
        return 0.5 * (x * x + self.curvature * y * y)

    def gradient(self, x, y):
        return x, self.curvature * y

    def __repr__(self) -> str:
        return f"Ravine(curvature={self.curvature:g})"


class Rosenbrock(Surface):
    """f(x, y) = (a - x)^2 + b (y - x^2)^2: a curved banana-shaped valley. Minimum at (a, a^2).

    Finding the valley is easy; following its nearly flat, curved floor to the
    minimum is hard. Defaults a = 1, b = 100 (Rosenbrock, 1960).
    """

    name = "rosenbrock"

    def __init__(self, a: float = 1.0, b: float = 100.0) -> None:
        self.a, self.b = float(a), float(b)
        self.minimum = np.array([self.a, self.a**2])
        self.start = np.array([-1.5, 2.0])
        self.xlim, self.ylim = (-2.0, 2.0), (-1.0, 3.0)

    def value(self, x, y):
        return (self.a - x) ** 2 + self.b * (y - x * x) ** 2

    def gradient(self, x, y):
        inner = y - x * x
        return -2.0 * (self.a - x) - 4.0 * self.b * x * inner, 2.0 * self.b * inner

    def __repr__(self) -> str:
        return f"Rosenbrock(a={self.a:g}, b={self.b:g})"


SURFACES = {"ravine": Ravine, "rosenbrock": Rosenbrock, "bowl": Bowl}


def trajectory(surface: Surface, optimizer: type[Optimizer], start, steps: int, *,
               limit: float = 1e6, **settings) -> np.ndarray:
    """Run a labkit.nn optimizer on a surface and return the points it visits.

    Args:
        surface: the function to minimize.
        optimizer: an optimizer class, e.g. ``labkit.nn.SGD`` or ``labkit.nn.Adam``.
        start: (2,) the starting point.
        steps: how many optimizer steps to take.
        limit: stop early once a coordinate leaves [-limit, limit] or is not finite (divergence).
        **settings: passed to the optimizer, e.g. ``lr=0.01, momentum=0.9``.

    Returns:
        path (K + 1, 2): the start, then the point after each step; K = steps, or
        fewer when the run diverged.
    """
    if not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError(f"trajectory: steps must be a non-negative integer, got {steps!r}.")
    start = _points(start, "trajectory(start=...)")
    if start.shape != (2,):
        raise ShapeError(f"trajectory expected one start point of shape (2,), got shape {start.shape}.")
    if isinstance(optimizer, Optimizer):
        raise TypeError("trajectory expects the optimizer class and its settings, e.g. "
                        "trajectory(surface, nn.SGD, start, steps, lr=0.01), not an optimizer instance.")
    point = Parameter(start.copy(), dtype=np.float64)
    opt = optimizer([point], **settings)
    path = np.empty((steps + 1, 2))
    path[0] = start
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(1, steps + 1):
            point.grad = surface.grad(point.data)
            opt.step()
            path[k] = point.data
            if not np.all(np.abs(point.data) <= limit):
                return path[: k + 1]
    return path


def plot_path(path, ax=None, *, label: str | None = None, color=None, every: int = 1):
    """Draw a path (K, 2) of points as a line with small dots and a ring at the start. Returns the axes."""
    path = np.asarray(path, dtype=float)
    if path.ndim != 2 or path.shape[1] != 2:
        raise ShapeError(f"plot_path expected points of shape (K, 2), got {path.shape}.")
    ax = ax or plt.gca()
    shown = path[::every] if every > 1 else path
    (line,) = ax.plot(shown[:, 0], shown[:, 1], "-", marker="o", markersize=2.5, linewidth=1.4,
                      color=color, label=label, zorder=4)
    ax.plot(*path[0], marker="o", markersize=8, markerfacecolor="none", color=line.get_color(), zorder=4)
    return ax
