"""Lesson 07's widgets: gradient descent on raw vs standardized features, and a preview of augmentations.

``ScalingExplorer`` fits y ~ w1 * x1 + w2 * x2 by gradient descent on the mean squared
error when x1 is measured on a much larger scale than x2, and draws the path of the
weights over the contours of the loss. Standardizing the features turns the long,
narrow valley into round bowls that gradient descent crosses in a few steps.

``AugmentationPreview`` shows one digit and random shifted, rotated and noisy copies
of it (``labkit.augment.augment_images``).
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import NullLocator

from labkit.widgets import _arguments as check
from labkit.widgets._figure import redraw

TRUE_WEIGHTS = np.array([2.0, -1.0])  # in standardized units


def make_scaled_data(scale: float, n: int = 200, correlation: float = 0.3, seed: int = 0):
    """Two correlated features, the first ``scale`` times larger: returns X (n, 2), y (n,).

    y = 2 * z1 - z2 + noise, where z are the features in standardized units; X and y
    are centred, so the model needs no bias.
    """
    rng = np.random.default_rng(seed)
    z = rng.multivariate_normal([0.0, 0.0], [[1.0, correlation], [correlation, 1.0]], size=n)  # (n, 2)
    z = (z - z.mean(axis=0)) / z.std(axis=0)
    y = z @ TRUE_WEIGHTS + rng.normal(0.0, 0.5, n)
    return z * np.array([float(scale), 1.0]), y - y.mean()


def gradient_descent_path(X: np.ndarray, y: np.ndarray, lr: float, steps: int, start=(0.0, 0.0)):
    """Gradient descent on L(w) = mean((X w - y)^2) / 2 from ``start``.

    X (N, 2), y (N,) -> path (steps + 1, 2) of weights and losses (steps + 1,).
    Stops early (shorter arrays) once the loss exceeds 1e6: the run diverged.
    """
    H = X.T @ X / len(X)  # (2, 2) Hessian of the loss
    g0 = X.T @ y / len(X)  # (2,)
    c = float(y @ y) / (2 * len(X))
    w = np.asarray(start, dtype=float)
    path, losses = [w.copy()], [0.5 * w @ H @ w - g0 @ w + c]
    for _ in range(steps):
        w = w - lr * (H @ w - g0)
        path.append(w.copy())
        losses.append(0.5 * w @ H @ w - g0 @ w + c)
        if not np.isfinite(losses[-1]) or losses[-1] > 1e6:
            break
    return np.array(path), np.array(losses)


def steps_to_reach(losses: np.ndarray, target: float) -> int | None:
    """The first step whose loss is <= target, or None if none is."""
    hits = np.flatnonzero(np.asarray(losses) <= target)
    return int(hits[0]) if len(hits) else None


class ScalingExplorer(widgets.VBox):
    """Gradient descent on raw or standardized features, with a learning-rate slider.

    Args:
        scale: how many times larger feature 1 is than feature 2 (1..30).
        standardized: start with standardized features.
        lr: starting learning rate.
        steps: number of gradient steps drawn.

    After each redraw: ``X``, ``path`` (k, 2), ``losses`` (k,), ``max_stable_lr`` (2 / largest
    Hessian eigenvalue), ``condition_number`` and ``steps_to_target`` (steps until the loss is
    within 1% of its minimum, None if not reached).
    """

    def __init__(self, scale: float = 10.0, standardized: bool = False, lr: float = 0.015, steps: int = 50):
        who = "ScalingExplorer"
        scale = check.number(scale, "scale", who, 1.0, 30.0)
        standardized = check.flag(standardized, "standardized", who)
        lr = check.number(lr, "lr", who, 1e-4, 10 ** 0.5)
        steps = check.integer(steps, "steps", who, 1, 300)
        self.scale = widgets.FloatSlider(value=scale, min=1.0, max=30.0, step=1.0, description="x1 scale")
        self.features = widgets.ToggleButtons(options=["raw", "standardized"],
                                              value="standardized" if standardized else "raw",
                                              description="features")
        self.lr = widgets.FloatLogSlider(value=lr, base=10, min=-4, max=0.5, step=0.05,
                                         description="learning rate", readout_format=".3g")
        self.steps = widgets.IntSlider(value=steps, min=1, max=300, description="steps")
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        for control in (self.scale, self.features, self.lr, self.steps):
            control.observe(lambda change: self.redraw(), names="value")
        controls = widgets.HBox([widgets.VBox([self.features, self.scale]), widgets.VBox([self.lr, self.steps])])
        super().__init__([controls, self.out, self.caption])
        self.redraw()

    def _data(self):
        X, y = make_scaled_data(self.scale.value)
        if self.features.value == "standardized":
            X = (X - X.mean(axis=0)) / X.std(axis=0)
        return X, y

    def redraw(self) -> None:
        self.X, y = self._data()
        H = self.X.T @ self.X / len(self.X)
        eigenvalues = np.linalg.eigvalsh(H)
        self.max_stable_lr = 2.0 / eigenvalues[-1]
        self.condition_number = eigenvalues[-1] / eigenvalues[0]
        w_best = np.linalg.solve(H, self.X.T @ y / len(self.X))
        best_loss = float(np.mean((self.X @ w_best - y) ** 2) / 2)
        self.path, self.losses = gradient_descent_path(self.X, y, self.lr.value, self.steps.value)
        self.steps_to_target = steps_to_reach(self.losses, 1.01 * best_loss)
        diverged = len(self.losses) <= self.steps.value

        with redraw(self.out, figsize=(11, 4.2), ncols=2) as (ax, ax_loss):
            shown = np.vstack([self.path if not diverged else self.path[:3], w_best, [0.0, 0.0]])
            lo, hi = shown.min(axis=0), shown.max(axis=0)
            pad = 0.25 * np.maximum(hi - lo, 1e-3).max()
            centre = (lo + hi) / 2
            half = (hi - lo).max() / 2 + pad  # same range on both axes: true shapes
            g1 = np.linspace(centre[0] - half, centre[0] + half, 160)
            g2 = np.linspace(centre[1] - half, centre[1] + half, 160)
            W1, W2 = np.meshgrid(g1, g2)
            W = np.stack([W1.ravel(), W2.ravel()], axis=1)  # (160*160, 2)
            L = (0.5 * np.einsum("ij,jk,ik->i", W, H, W) - W @ (self.X.T @ y / len(self.X))
                 + float(y @ y) / (2 * len(y))).reshape(W1.shape)
            levels = best_loss + (np.ptp(L) + 1e-9) * np.linspace(0, 1, 25) ** 2
            ax.contour(W1, W2, L, levels=levels, cmap="viridis", linewidths=0.8)
            ax.plot(self.path[:, 0], self.path[:, 1], "-o", color="tab:red", markersize=2.5, linewidth=1)
            ax.plot(*w_best, marker="*", color="k", markersize=14, label="minimum")
            ax.plot(*self.path[0], marker="s", color="tab:red", label="start")
            ax.set_xlim(g1[0], g1[-1])
            ax.set_ylim(g2[0], g2[-1])
            ax.set_aspect("equal")
            ax.set_xlabel("$w_1$ (weight of the large feature)")
            ax.set_ylabel("$w_2$")
            ax.set_title(f"{self.features.value} features: loss contours and the path")
            ax.legend(fontsize=8, loc="upper right")
            ax_loss.semilogy(np.arange(len(self.losses)), self.losses - best_loss + 1e-12, color="tab:red")
            ax_loss.axhline(0.01 * best_loss, color="gray", linestyle=":", label="target: within 1%")
            ax_loss.set_xlabel("step")
            ax_loss.set_ylabel("loss - minimum")
            ax_loss.set_title("distance to the minimum")
            ax_loss.yaxis.set_minor_locator(NullLocator())  # minor log ticks make each redraw slow
            ax_loss.grid(alpha=0.3)
            ax_loss.legend(fontsize=8)

        if diverged:
            verdict = f"<b style='color:#c00'>diverged</b> after {len(self.losses) - 1} steps: the learning rate is too large"
        elif self.steps_to_target is None:
            verdict = f"not within 1% of the minimum after {self.steps.value} steps"
        else:
            verdict = f"within 1% of the minimum after <b>{self.steps_to_target}</b> steps"
        self.caption.value = (
            f"{verdict}. Largest stable learning rate 2/λ<sub>max</sub> = {self.max_stable_lr:.3g}; "
            f"condition number λ<sub>max</sub>/λ<sub>min</sub> = {self.condition_number:.3g}."
        )


class AugmentationPreview(widgets.VBox):
    """One digit and eleven random augmentations of it.

    Args:
        images: (N, 8, 8) or (N, 1, 8, 8) images in [0, 1]; default the scikit-learn digits.
        index: which image to show first.
        max_shift, max_degrees, noise_std: starting strengths of the augmentations.

    After each redraw: ``samples`` (11, H, W), the augmented copies shown.
    """

    N_SAMPLES = 11

    def __init__(self, images: np.ndarray | None = None, index: int = 0, max_shift: int = 1,
                 max_degrees: float = 10.0, noise_std: float = 0.0):
        if images is None:
            from labkit.data import load_digits

            images = load_digits().X.reshape(-1, 8, 8)
        who = "AugmentationPreview"
        images = np.asarray(images, dtype=float)
        if images.ndim == 4 and images.shape[1] == 1:
            images = images[:, 0]
        if images.ndim != 3 or len(images) == 0:
            raise ValueError(f"{who}: images must have shape (N, H, W) or (N, 1, H, W), got {images.shape}.")
        self.images = images
        index = check.integer(index, "index", who, 0, len(self.images) - 1, what="an image of the N given")
        max_shift = check.integer(max_shift, "max_shift", who, 0, 3)
        max_degrees = check.number(max_degrees, "max_degrees", who, 0.0, 45.0)
        noise_std = check.number(noise_std, "noise_std", who, 0.0, 0.5)
        self.index = widgets.IntSlider(value=index, min=0, max=len(self.images) - 1, description="image")
        self.max_shift = widgets.IntSlider(value=max_shift, min=0, max=3, description="max shift (px)")
        self.max_degrees = widgets.FloatSlider(value=max_degrees, min=0.0, max=45.0, step=5.0,
                                               description="max rotation°")
        self.noise_std = widgets.FloatSlider(value=noise_std, min=0.0, max=0.5, step=0.05, description="noise std")
        self.seed = widgets.IntText(value=0, description="seed")
        self.new_draw = widgets.Button(description="new random draw")
        self.new_draw.on_click(lambda _: setattr(self.seed, "value", self.seed.value + 1))
        self.out = widgets.Output()
        for control in (self.index, self.max_shift, self.max_degrees, self.noise_std, self.seed):
            control.observe(lambda change: self.redraw(), names="value")
        controls = widgets.HBox([widgets.VBox([self.index, self.max_shift, self.max_degrees]),
                                 widgets.VBox([self.noise_std, self.seed, self.new_draw])])
        super().__init__([controls, self.out])
        self.redraw()

    def redraw(self) -> None:
        from labkit.augment import augment_images

        image = self.images[self.index.value]
        batch = np.repeat(image[None], self.N_SAMPLES, axis=0)
        self.samples = augment_images(batch, max_shift=self.max_shift.value, max_degrees=self.max_degrees.value,
                                      noise_std=self.noise_std.value, seed=self.seed.value)
        with redraw(self.out, figsize=(12, 2.4), ncols=6, nrows=2) as axes:
            for ax, img, title in zip(axes, [image, *self.samples], ["original"] + [""] * self.N_SAMPLES):
                ax.imshow(img, cmap="gray_r", vmin=0, vmax=1)
                ax.set_title(title, fontsize=9)
                ax.set_xticks([])
                ax.set_yticks([])
