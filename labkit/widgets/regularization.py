"""Lesson 08's widget: model capacity against regularization strength, on a few noisy points.

Move the polynomial degree (capacity) and the L2 strength lambda and watch the fitted
curve, the training error and the validation error. Every fit is exact and tiny
(``labkit.polynomial.PolynomialRegression``), so a redraw takes a few milliseconds
plus the drawing.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import NullLocator

from labkit.polynomial import PolynomialRegression, noisy_sine
from labkit.widgets import _arguments as check
from labkit.widgets._figure import redraw

LAMBDAS = np.logspace(-8, 1, 37)  # the lambda axis of the right-hand panel


class CapacityExplorer(widgets.VBox):
    """Sliders for the polynomial degree, log10(lambda) and the number of training points.

    Args:
        degree: starting degree (0..15).
        log10_lam: starting log10 of the L2 strength (-9..1); the left end, -9, means lambda = 0 (no penalty).
        n_train: starting number of training points (5..60).
        noise: standard deviation of the noise added to sin(pi x).
        seed: seed of the training points; validation points use seed + 1.

    Panels: the data, the true curve and the fit; train and validation error against the
    degree at the chosen lambda; and against lambda at the chosen degree.
    After each redraw: ``model`` (the fitted PolynomialRegression), ``train_error``,
    ``val_error``, ``errors_by_degree`` (16, 2) and ``errors_by_lambda`` (37, 2).
    """

    MAX_DEGREE = 15

    def __init__(self, degree: int = 3, log10_lam: float = -9.0, n_train: int = 15,
                 noise: float = 0.25, seed: int = 1) -> None:
        who = "CapacityExplorer"
        degree = check.integer(degree, "degree", who, 0, self.MAX_DEGREE)
        log10_lam = check.number(log10_lam, "log10_lam", who, -9.0, 1.0)
        n_train = check.integer(n_train, "n_train", who, 5, 60)
        noise = check.number(noise, "noise", who, 0.0, 2.0, what="a noise standard deviation")
        seed = check.integer(seed, "seed", who, 0, what="a seed")
        self.noise = noise
        self.seed = seed
        self.x_val, self.y_val = noisy_sine(200, noise, seed=seed + 1)
        self.degree = widgets.IntSlider(value=degree, min=0, max=self.MAX_DEGREE, description="degree")
        self.log10_lam = widgets.FloatSlider(value=log10_lam, min=-9.0, max=1.0, step=0.25,
                                             description="log10 λ", readout_format=".2f")
        self.n_train = widgets.IntSlider(value=n_train, min=5, max=60, description="train points",
                                         continuous_update=False)
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        for control in (self.degree, self.log10_lam, self.n_train):
            control.observe(self._on_change, names="value")
        controls = widgets.HBox([widgets.VBox([self.degree, self.log10_lam]), widgets.VBox([self.n_train])])
        super().__init__([controls, self.out, self.caption])
        self._make_train()
        self.redraw()

    @property
    def lam(self) -> float:
        """The L2 strength: 10 ** slider, or 0.0 at the slider's left end."""
        if self.log10_lam.value <= self.log10_lam.min:
            return 0.0
        return float(10.0 ** self.log10_lam.value)

    def _make_train(self) -> None:
        self.x_train, self.y_train = noisy_sine(self.n_train.value, self.noise, seed=self.seed)

    def _on_change(self, change) -> None:
        if change["owner"] is self.n_train:
            self._make_train()
        self.redraw()

    def _errors(self, degree: int, lam: float) -> tuple[float, float]:
        model = PolynomialRegression(degree, lam).fit(self.x_train, self.y_train)
        return model.mse(self.x_train, self.y_train), model.mse(self.x_val, self.y_val)

    def redraw(self) -> None:
        degree, lam = self.degree.value, self.lam
        self.model = PolynomialRegression(degree, lam).fit(self.x_train, self.y_train)
        self.train_error = self.model.mse(self.x_train, self.y_train)
        self.val_error = self.model.mse(self.x_val, self.y_val)
        self.errors_by_degree = np.array([self._errors(d, lam) for d in range(self.MAX_DEGREE + 1)])
        self.errors_by_lambda = np.array([self._errors(degree, l) for l in LAMBDAS])
        grid = np.linspace(-1, 1, 300)
        with redraw(self.out, figsize=(14, 3.8), ncols=3) as (ax_fit, ax_degree, ax_lam):
            ax_fit.plot(grid, np.sin(np.pi * grid), color="gray", linestyle="--", label="true sin(πx)")
            ax_fit.scatter(self.x_val, self.y_val, s=8, color="tab:orange", alpha=0.35, label="validation")
            ax_fit.scatter(self.x_train, self.y_train, s=30, color="tab:blue", edgecolor="k", label="train", zorder=3)
            ax_fit.plot(grid, self.model.predict(grid), color="k", linewidth=2, label="fit")
            ax_fit.set_ylim(-2.2, 2.2)
            ax_fit.set_title(f"degree {degree}, λ = {lam:.2g}" + (" (no penalty)" if lam == 0 else ""))
            ax_fit.legend(fontsize=8, loc="lower right")
            degrees = np.arange(self.MAX_DEGREE + 1)
            for ax, xs, errs, mark, label in (
                (ax_degree, degrees, self.errors_by_degree, degree, "degree (capacity)"),
                (ax_lam, LAMBDAS, self.errors_by_lambda, lam, "λ (regularization)"),
            ):
                ax.plot(xs, errs[:, 0], "-o", markersize=3, label="train")
                ax.plot(xs, errs[:, 1], "-s", markersize=3, label="validation")
                if mark > 0:
                    ax.axvline(mark, color="k", linestyle=":")
                ax.set_yscale("log")
                ax.set_ylim(1e-3, 100)
                ax.yaxis.set_minor_locator(NullLocator())  # minor log ticks make each redraw slow
                ax.set_xlabel(label)
                ax.set_ylabel("mean squared error")
                ax.grid(alpha=0.3)
                ax.legend(fontsize=8)
            ax_lam.set_xscale("log")
            ax_lam.xaxis.set_minor_locator(NullLocator())
            ax_degree.set_title("error against degree at this λ")
            ax_lam.set_title("error against λ at this degree")
        gap = self.val_error - self.train_error
        self.caption.value = (
            f"<b>train MSE</b> {self.train_error:.4f} &nbsp; <b>validation MSE</b> {self.val_error:.4f} "
            f"&nbsp; <b>gap</b> {gap:+.4f} &nbsp; <b>‖w‖</b> {np.linalg.norm(self.model.coef_):.3g} "
            f"&nbsp; ({len(self.x_train)} training points, noise variance {self.noise ** 2:.4f})"
        )
