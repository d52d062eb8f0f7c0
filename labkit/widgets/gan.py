"""Lesson 12's widget: scrub through the snapshots of GAN training runs on 2-D data.

Pick a run, move the step slider: the left panel shows the real data (grey), the generated
samples (blue) and the discriminator's probability "real" (shading, when the run recorded it);
the right panel both losses with the current step marked. The caption reports a mode-coverage
measurement when a ``coverage`` function is given. Nothing trains here: the runs were recorded
by ``labkit.train.gan.train_gan``.
"""

from __future__ import annotations

from typing import Callable, Mapping

import ipywidgets as widgets
import numpy as np

from labkit.train.gan import GANRun
from labkit.widgets._figure import redraw


def _smooth(values, width: int = 25) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    if len(values) < width:
        return values
    return np.convolve(values, np.ones(width) / width, mode="valid")


class GANSnapshots(widgets.VBox):
    """Step through the snapshots of one or more GAN runs.

    Args:
        runs: {name: GANRun}, or one GANRun, each with at least one snapshot of 2-D samples.
        real: (N, 2) real data drawn in grey.
        coverage: ``coverage(samples) -> (modes covered, fraction near a mode)``, shown in the caption.
        n_modes: the number of modes, for the caption.
        limits: axis limits of the data panel.

    After each redraw: ``snapshot`` (the GANSnapshot shown) and ``covered`` (coverage's result or None).
    """

    def __init__(self, runs: Mapping[str, GANRun] | GANRun, real, coverage: Callable | None = None,
                 n_modes: int | None = None, limits: float = 3.0) -> None:
        if isinstance(runs, GANRun):
            runs = {"run": runs}
        if not isinstance(runs, Mapping) or not runs:
            raise TypeError(f"runs must be a GANRun or a non-empty dict of them, got {type(runs).__name__}.")
        for name, run in runs.items():
            if not isinstance(run, GANRun) or not run.snapshots:
                raise ValueError(f"run {name!r} must be a GANRun with at least one snapshot, got {run!r:.80}.")
            if run.snapshots[0].samples.ndim != 2 or run.snapshots[0].samples.shape[1] != 2:
                raise ValueError(f"run {name!r} holds samples of shape {run.snapshots[0].samples.shape}; "
                                 "this widget draws 2-D points (N, 2).")
        real = np.asarray(real, dtype=float)
        if real.ndim != 2 or real.shape[1] != 2:
            raise ValueError(f"real must be 2-D points of shape (N, 2), got {real.shape}.")
        if coverage is not None and not callable(coverage):
            raise TypeError(f"coverage must be a function samples -> (covered, fraction), got {type(coverage).__name__}.")
        self.runs, self.real, self.coverage, self.n_modes, self.limits = dict(runs), real, coverage, n_modes, limits
        self.run_name = widgets.Dropdown(options=list(self.runs), description="run")
        last = len(self.run.snapshots) - 1
        self.index = widgets.IntSlider(value=last, min=0, max=last, description="snapshot")
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        self.run_name.observe(self._on_run, names="value")
        self.index.observe(lambda change: self.redraw(), names="value")
        super().__init__([widgets.HBox([self.run_name, self.index]), self.out, self.caption])
        self.redraw()

    @property
    def run(self) -> GANRun:
        return self.runs[self.run_name.value]

    def _on_run(self, change) -> None:
        last = len(self.run.snapshots) - 1
        with self.index.hold_trait_notifications():
            self.index.max = last
            self.index.value = min(self.index.value, last)
        self.redraw()

    def redraw(self) -> None:
        run = self.run
        self.snapshot = snap = run.snapshots[self.index.value]
        self.covered = None if self.coverage is None else self.coverage(snap.samples)
        with redraw(self.out, figsize=(12, 4.6), ncols=2) as (ax, ax_loss):
            if snap.d_grid is not None and run.grid is not None:
                xs, ys = run.grid
                shade = ax.contourf(xs, ys, snap.d_grid, levels=np.linspace(0, 1, 11), cmap="RdYlGn", alpha=0.35)
                ax.figure.colorbar(shade, ax=ax, label="D(x): probability real")
            ax.scatter(self.real[:, 0], self.real[:, 1], s=3, color="0.45", alpha=0.4, label="real")
            ax.scatter(snap.samples[:, 0], snap.samples[:, 1], s=5, color="tab:blue", alpha=0.6, label="generated")
            ax.set_xlim(-self.limits, self.limits)
            ax.set_ylim(-self.limits, self.limits)
            ax.set_aspect("equal")
            ax.legend(loc="upper right", fontsize=8)
            ax.set_title(f"{self.run_name.value}: after {snap.step} steps")
            if run.steps:
                steps = np.arange(1, run.steps + 1)
                for values, label in ((run.d_losses, "discriminator"), (run.g_losses, "generator")):
                    smooth = _smooth(values)
                    ax_loss.plot(steps[len(steps) - len(smooth):], smooth, label=f"{label} loss (moving average)")
                ax_loss.axhline(2 * np.log(2), color="gray", linestyle=":", label="D loss at D = 1/2 everywhere (2 ln 2)")
                ax_loss.axvline(snap.step, color="k", linewidth=1)
                ax_loss.set_xlabel("step")
                ax_loss.legend(fontsize=8)
            ax_loss.set_title("losses")
        text = f"<b>{self.run_name.value}</b>, step {snap.step} of {run.steps}"
        if self.covered is not None:
            modes, quality = self.covered
            of = f" of {self.n_modes}" if self.n_modes else ""
            text += f": <b>{modes}{of} modes covered</b>, {quality:.0%} of the generated points near a mode"
        self.caption.value = text
