"""Lesson 20's widget: the privacy-utility trade-off of DP-SGD over a grid of settings.

DP-SGD has two knobs: the noise multiplier sigma (noise standard deviation in units of the
clipping norm) and the clipping norm C. Training a model per setting takes seconds, too long
for a slider, so the lesson trains a small grid once and this widget explores it: pick sigma
and C with two sliders and read the privacy budget epsilon, the test accuracy and the measured
membership-attack advantage; the plots place the chosen setting on the accuracy-against-epsilon
and advantage-against-epsilon curves of every clipping norm.
"""

from __future__ import annotations

import math

import ipywidgets as widgets
import numpy as np

from labkit.widgets import _arguments as check
from labkit.widgets._figure import redraw


def _axis(values, name: str, who: str, low: float) -> list[float]:
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{who}: {name} must be a list of numbers, got {values!r}.") from None
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{who}: {name} must be a non-empty 1-D list of numbers, got shape {array.shape}.")
    if not np.all(np.isfinite(array)) or np.any(array < low) or np.any(np.diff(array) <= 0):
        raise ValueError(f"{who}: {name} must be increasing finite numbers >= {low:g}, got {array.tolist()}.")
    return [float(v) for v in array]


def _table(values, name: str, who: str, shape: tuple[int, int], low: float, high: float) -> np.ndarray:
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{who}: {name} must be a grid of numbers, got {values!r}.") from None
    if array.shape != shape:
        raise ValueError(f"{who}: {name} must have shape {shape} (one row per noise multiplier, one column "
                         f"per clipping norm), got {array.shape}.")
    if np.any(np.isnan(array)) or np.any(array < low) or np.any(array > high):
        raise ValueError(f"{who}: {name} must lie in [{low:g}, {high:g}], got values from "
                         f"{np.nanmin(array):g} to {np.nanmax(array):g}.")
    return array


class PrivacyExplorer(widgets.VBox):
    """Sliders over a precomputed grid of DP-SGD runs.

    Args:
        noise_multipliers: the sigmas of the grid, increasing, >= 0 (S,).
        clip_norms: the clipping norms C of the grid, increasing, > 0 (K,).
        epsilon: (S, K) privacy budget of each run (inf where sigma = 0: no privacy).
        accuracy: (S, K) test accuracy in [0, 1].
        advantage: (S, K) membership-attack advantage in [-1, 1].
        noise_multiplier, max_grad_norm: the starting setting (values of the grid; default the first).

    After each redraw: ``epsilon``, ``accuracy``, ``advantage`` of the chosen setting and the
    ``readout`` HTML.
    """

    def __init__(self, noise_multipliers, clip_norms, *, epsilon, accuracy, advantage,
                 noise_multiplier: float | None = None, max_grad_norm: float | None = None) -> None:
        who = "PrivacyExplorer"
        self.noise_multipliers = _axis(noise_multipliers, "noise_multipliers", who, 0.0)
        self.clip_norms = _axis(clip_norms, "clip_norms", who, 1e-300)
        shape = (len(self.noise_multipliers), len(self.clip_norms))
        self.epsilons = _table(epsilon, "epsilon", who, shape, 0.0, math.inf)
        self.accuracies = _table(accuracy, "accuracy", who, shape, 0.0, 1.0)
        self.advantages = _table(advantage, "advantage", who, shape, -1.0, 1.0)
        sigma = self.noise_multipliers[0] if noise_multiplier is None else check.choice(
            noise_multiplier, "noise_multiplier", who, self.noise_multipliers)
        clip = self.clip_norms[0] if max_grad_norm is None else check.choice(
            max_grad_norm, "max_grad_norm", who, self.clip_norms)
        style = {"description_width": "150px"}
        layout = widgets.Layout(width="420px")
        self.sigma_slider = widgets.SelectionSlider(options=self.noise_multipliers, value=sigma,
                                                    description="noise multiplier σ", style=style, layout=layout)
        self.clip_slider = widgets.SelectionSlider(options=self.clip_norms, value=clip,
                                                   description="clipping norm C", style=style, layout=layout)
        self.readout = widgets.HTML()
        self.out = widgets.Output()
        for slider in (self.sigma_slider, self.clip_slider):
            slider.observe(lambda change: self.redraw(), names="value")
        super().__init__([self.sigma_slider, self.clip_slider, self.readout, self.out])
        self.redraw()

    def set(self, noise_multiplier: float | None = None, max_grad_norm: float | None = None) -> None:
        """Move the sliders (to values of the grid) as a learner would."""
        who = "PrivacyExplorer.set"
        if noise_multiplier is not None:
            self.sigma_slider.value = check.choice(noise_multiplier, "noise_multiplier", who, self.noise_multipliers)
        if max_grad_norm is not None:
            self.clip_slider.value = check.choice(max_grad_norm, "max_grad_norm", who, self.clip_norms)

    def redraw(self) -> None:
        i = self.noise_multipliers.index(self.sigma_slider.value)
        j = self.clip_norms.index(self.clip_slider.value)
        self.epsilon = float(self.epsilons[i, j])
        self.accuracy = float(self.accuracies[i, j])
        self.advantage = float(self.advantages[i, j])
        eps = "∞ (no noise: no privacy guarantee)" if math.isinf(self.epsilon) else f"{self.epsilon:.2f}"
        self.readout.value = (f"<b>σ = {self.sigma_slider.value:g}, C = {self.clip_slider.value:g}</b>: "
                              f"ε = {eps} &nbsp;|&nbsp; test accuracy {self.accuracy:.1%} &nbsp;|&nbsp; "
                              f"attack advantage {self.advantage:.3f}")
        with redraw(self.out, figsize=(9, 3.3), ncols=2) as (ax_acc, ax_adv):
            for k, c in enumerate(self.clip_norms):
                finite = np.isfinite(self.epsilons[:, k]) & (self.epsilons[:, k] > 0)
                for ax, values in ((ax_acc, self.accuracies), (ax_adv, self.advantages)):
                    ax.plot(self.epsilons[finite, k], values[finite, k], "o-", alpha=1.0 if k == j else 0.35,
                            label=f"C = {c:g}")
                    for s in np.flatnonzero(~finite):
                        ax.axhline(values[s, k], linestyle="--", alpha=0.6 if k == j else 0.2,
                                   color=ax.lines[-1].get_color())
            for ax, value, label in ((ax_acc, self.accuracy, "test accuracy"), (ax_adv, self.advantage, "attack advantage")):
                if math.isfinite(self.epsilon) and self.epsilon > 0:
                    ax.plot([self.epsilon], [value], "r*", markersize=16, label="chosen")
                else:
                    ax.axhline(value, color="r", linewidth=2, label="chosen (no noise)")
                if np.any(np.isfinite(self.epsilons) & (self.epsilons > 0)):
                    ax.set_xscale("log")
                ax.set_xlabel("ε (dashed: no noise, ε = ∞)")
                ax.set_ylabel(label)
                ax.grid(alpha=0.3)
            ax_acc.set_title("Utility")
            ax_adv.set_title("Leak")
            ax_acc.legend(fontsize=7)
