"""Lesson 06's widget: gradient descent, momentum and Adam race across a loss surface.

All three start at the same point. Sliders set the learning rate (shared by
gradient descent and momentum), the momentum, Adam's learning rate and the
number of steps; the plot shows the three paths on the contours and, beside
them, the loss after each step.
"""

from __future__ import annotations

import io

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

import labkit.nn as nn
from labkit.surfaces import SURFACES, Surface, trajectory
from labkit.widgets import _arguments as check

# Settings that make a fair race on each surface: lr, momentum, Adam lr, steps.
DEFAULTS = {
    "ravine": dict(lr=0.05, momentum=0.8, adam_lr=0.3, steps=100),
    "rosenbrock": dict(lr=1e-3, momentum=0.9, adam_lr=0.1, steps=300),
    "bowl": dict(lr=0.1, momentum=0.5, adam_lr=0.3, steps=60),
}
COLORS = {"gradient descent": "#d62728", "momentum": "#1f77b4", "Adam": "#ff7f0e"}
TOLERANCE = 1e-3  # "arrived" once the loss is this close to the minimum


class OptimizerRace(widgets.VBox):
    """Gradient descent, SGD with momentum and Adam on one 2-D surface, drawn together.

    Args:
        surface: "ravine", "rosenbrock" or "bowl" (the dropdown's first value).
        lr, momentum, adam_lr, steps: starting slider values; None takes the
            surface's defaults from ``DEFAULTS``.

    After each redraw ``paths`` maps each optimizer's name to its points (K + 1, 2)
    and ``losses`` to f(point) - f(minimum) after each step (K + 1,).
    """

    def __init__(self, surface: str = "ravine", lr: float | None = None, momentum: float | None = None,
                 adam_lr: float | None = None, steps: int | None = None):
        who = "OptimizerRace"
        surface = check.choice(surface, "surface", who, SURFACES)
        if lr is not None:
            lr = check.number(lr, "lr", who, 1e-4, 1.0)
        if momentum is not None:
            momentum = check.number(momentum, "momentum", who, 0.0, 0.99)
        if adam_lr is not None:
            adam_lr = check.number(adam_lr, "adam_lr", who, 1e-3, 1.0)
        if steps is not None:
            steps = check.integer(steps, "steps", who, 10, 500)
        start = DEFAULTS[surface] | {k: v for k, v in dict(lr=lr, momentum=momentum, adam_lr=adam_lr,
                                                             steps=steps).items() if v is not None}
        self.paths: dict[str, np.ndarray] = {}
        self.losses: dict[str, np.ndarray] = {}
        self._holding = False
        self.surface_choice = widgets.Dropdown(options=list(SURFACES), value=surface, description="surface")
        self.lr = widgets.FloatLogSlider(value=start["lr"], base=10, min=-4, max=0, step=0.05,
                                         description="lr (GD, mom.)", readout_format=".2g",
                                         continuous_update=False, style={"description_width": "initial"})
        self.momentum = widgets.FloatSlider(value=start["momentum"], min=0.0, max=0.99, step=0.01,
                                            description="momentum", continuous_update=False)
        self.adam_lr = widgets.FloatLogSlider(value=start["adam_lr"], base=10, min=-3, max=0, step=0.05,
                                              description="Adam lr", readout_format=".2g",
                                              continuous_update=False)
        self.steps = widgets.IntSlider(value=start["steps"], min=10, max=500, step=10, description="steps",
                                       continuous_update=False)
        self.caption = widgets.HTML()
        self.image = widgets.Image(format="png")
        for control in (self.surface_choice, self.lr, self.momentum, self.adam_lr, self.steps):
            control.observe(self._on_change, names="value")
        controls = widgets.HBox([widgets.VBox([self.surface_choice, self.steps]),
                                 widgets.VBox([self.lr, self.momentum, self.adam_lr])])
        super().__init__([controls, self.image, self.caption])
        self.redraw()

    @property
    def surface(self) -> Surface:
        return SURFACES[self.surface_choice.value]()

    def _on_change(self, change) -> None:
        if self._holding:
            return
        if change["owner"] is self.surface_choice:
            self._holding = True  # move every slider to the new surface's defaults, then draw once
            try:
                d = DEFAULTS[self.surface_choice.value]
                self.lr.value, self.momentum.value = d["lr"], d["momentum"]
                self.adam_lr.value, self.steps.value = d["adam_lr"], d["steps"]
            finally:
                self._holding = False
        self.redraw()

    def race(self) -> None:
        """Run the three optimizers from the surface's start; fills ``paths`` and ``losses``."""
        surface = self.surface
        runs = {
            "gradient descent": (nn.SGD, dict(lr=self.lr.value)),
            "momentum": (nn.SGD, dict(lr=self.lr.value, momentum=self.momentum.value)),
            "Adam": (nn.Adam, dict(lr=self.adam_lr.value)),
        }
        self.paths = {name: trajectory(surface, opt, surface.start, self.steps.value, **settings)
                      for name, (opt, settings) in runs.items()}
        self.losses = {name: surface(path) - surface.min_value for name, path in self.paths.items()}

    def _build_figure(self, surface: Surface) -> None:
        """The figure for one surface: contours drawn once, empty lines that ``redraw`` fills.

        Reusing one figure (and rendering it to PNG ourselves, without a tight
        layout pass) keeps a redraw at a few tenths of a second.
        """
        self._figure_for = surface.name
        self._fig = Figure(figsize=(11, 4.4), dpi=80)
        ax_map, ax_loss = self._fig.subplots(1, 2)
        self._fig.subplots_adjust(left=0.06, right=0.98, bottom=0.12, top=0.92, wspace=0.22)
        surface.plot(ax_map, resolution=120)
        self._lines = {}
        for name, color in COLORS.items():
            (path,) = ax_map.plot(*surface.start, "-o", markersize=2.5, linewidth=1.4, color=color, label=name)
            ax_map.plot(*surface.start, marker="o", markersize=8, markerfacecolor="none", color="k")
            (loss,) = ax_loss.plot([0], [1.0], color=color, label=name)
            self._lines[name] = (path, loss)
        ax_map.legend(loc="lower right", fontsize=8)
        ax_map.set_title(f"{surface!r}")
        ax_loss.set_yscale("log")
        ax_loss.axhline(TOLERANCE, color="gray", linestyle=":", linewidth=1)
        ax_loss.set_xlabel("step")
        ax_loss.set_ylabel("loss - minimum")
        ax_loss.set_title("loss after each step")
        ax_loss.grid(alpha=0.3)
        self._ax_loss = ax_loss

    def redraw(self) -> None:
        """Race, then show the paths on the contours and the loss after each step."""
        self.race()
        surface = self.surface
        if getattr(self, "_figure_for", None) != surface.name:
            self._build_figure(surface)
        low, high = TOLERANCE, 10.0
        for name, (path_line, loss_line) in self._lines.items():
            path = self.paths[name]
            loss = np.maximum(self.losses[name], 1e-12)
            path_line.set_data(path[:, 0], path[:, 1])
            loss_line.set_data(np.arange(len(loss)), loss)
            finite = loss[np.isfinite(loss)]
            low, high = min(low, finite.min()), max(high, finite.max())
        self._ax_loss.set_xlim(0, self.steps.value)
        self._ax_loss.set_ylim(low / 2, min(high * 2, 1e30))
        buffer = io.BytesIO()
        self._fig.savefig(buffer, format="png")
        self.image.value = buffer.getvalue()
        self.caption.value = self._table()

    def _table(self) -> str:
        rows = []
        for name, loss in self.losses.items():
            if len(loss) < self.steps.value + 1:
                verdict = f"diverged after {len(loss) - 1} steps"
            elif (loss < TOLERANCE).any():
                verdict = f"within {TOLERANCE:g} of the minimum after {int(np.argmax(loss < TOLERANCE))} steps"
            else:
                verdict = "not there yet"
            rows.append(f"<tr><td style='color:{COLORS[name]}'><b>{name}</b></td>"
                        f"<td>{loss[-1]:.3g}</td><td>{verdict}</td></tr>")
        return ("<table><tr><th>optimizer</th><th>final loss - minimum</th><th></th></tr>"
                + "".join(rows) + "</table>")
