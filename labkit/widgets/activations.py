"""Lesson 02's widget: pick an activation, see it, its derivative, and what one hidden layer of it can fit.

    from labkit.widgets.activations import ActivationExplorer
    ActivationExplorer(activation="relu", target="sine", hidden=8)

The fit is a network ``Linear(1, hidden) -> activation -> Linear(hidden, 1)`` built
from labkit.nn and trained with Adam on a 1-D target for a few hundred full-batch
steps (a fraction of a second). Fits are cached, so switching back is instant.
"""

from __future__ import annotations

from typing import Callable

import ipywidgets as widgets
import numpy as np

from labkit import nn
from labkit.widgets import _arguments as check
from labkit.widgets._figure import redraw

LEAKY_SLOPE = 0.1  # larger than torch's 0.01 default so the leak is visible on a plot

ACTIVATIONS: dict[str, Callable[[], nn.Module]] = {
    "step": nn.Step,
    "sigmoid": nn.Sigmoid,
    "tanh": nn.Tanh,
    "relu": nn.ReLU,
    "leaky_relu": lambda: nn.LeakyReLU(LEAKY_SLOPE),
    "linear": nn.Identity,
}

TARGETS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "sine": lambda x: np.sin(3.0 * x),
    "|x|": np.abs,
    "step": lambda x: (x > 0).astype(float),
    "parabola": lambda x: 2.0 * x**2 - 1.0,
}

NOTES = {
    "step": "Its derivative is 0 everywhere (and undefined at 0), so no gradient reaches the hidden "
            "layer: only the output layer learns, the hidden layer's steps stay where they started.",
    "sigmoid": "Output in (0, 1); the derivative is at most 0.25 and nearly 0 for |z| > 5 (saturation), "
               "so it learns slowly.",
    "tanh": "Output in (-1, 1), centred on 0; derivative at most 1, but it saturates like the sigmoid.",
    "relu": "Derivative 1 for z > 0 and 0 for z < 0: no saturation on the positive side; the fit is "
            "made of straight pieces joined at kinks.",
    "leaky_relu": f"Like ReLU but with slope {LEAKY_SLOPE} for z < 0, so a neuron never stops learning entirely.",
    "linear": "No non-linearity: the whole network is one linear map, so the best it can do is a straight line.",
}


def activation_and_derivative(name: str, z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """f(z) and f'(z) for activation ``name``, taken from labkit.nn's forward and backward.

    Args:
        name: a key of ACTIVATIONS.
        z: (M,) pre-activations.

    Returns:
        (f(z), f'(z)), both (M,).
    """
    layer = _make_activation(name)
    z = np.asarray(z, dtype=float)
    y = layer(z)
    return y, layer.backward(np.ones_like(z))


def _make_activation(name: str) -> nn.Module:
    if name not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}; choose one of {sorted(ACTIVATIONS)}.")
    return ACTIVATIONS[name]()


def fit_curve(activation: str, target: str = "sine", hidden: int = 8, *, steps: int = 300, lr: float = 0.05,
              n_points: int = 64, seed: int = 0) -> dict:
    """Train Linear(1, hidden) -> activation -> Linear(hidden, 1) on a 1-D target with MSE and Adam.

    Args:
        activation: a key of ACTIVATIONS ("step", "sigmoid", "tanh", "relu", "leaky_relu", "linear").
        target: a key of TARGETS.
        hidden: number of hidden neurons (>= 1).
        steps: full-batch Adam steps.
        lr: Adam's learning rate.
        n_points: training points, evenly spaced in [-1, 1].
        seed: seeds labkit.nn's initialization.

    Returns:
        dict with "x" (n_points,), "y" (n_points,) targets, "pred" (n_points,) the fitted curve,
        "losses" (steps,) the MSE per step, "model" the trained Sequential and
        "hidden_weight_change", how far the first layer's weights moved (0 for "step").
    """
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r}; choose one of {sorted(TARGETS)}.")
    if isinstance(hidden, bool) or not isinstance(hidden, (int, np.integer)) or hidden < 1:
        raise ValueError(f"hidden must be an integer >= 1, got {hidden!r}.")
    nn.manual_seed(seed)
    model = nn.Sequential(nn.Linear(1, int(hidden)), _make_activation(activation), nn.Linear(int(hidden), 1))
    x = np.linspace(-1.0, 1.0, n_points)
    y = TARGETS[target](x)
    X, Y = x[:, None], y[:, None]  # (n, 1)
    start = model[0].weight.data.copy()
    loss_fn = nn.MSELoss()
    optimizer = nn.Adam(model.parameters(), lr=lr)
    losses = np.empty(steps)
    for step in range(steps):
        optimizer.zero_grad()
        loss = loss_fn(model(X), Y)
        model.backward(loss_fn.backward())
        optimizer.step()
        losses[step] = float(loss)
    pred = model(X)[:, 0]
    return {"x": x, "y": y, "pred": pred, "losses": losses, "model": model,
            "hidden_weight_change": float(np.abs(model[0].weight.data - start).max())}


class ActivationExplorer(widgets.VBox):
    """Choose an activation (and one to compare); see f(z), f'(z) and a 1-hidden-layer fit.

    Args:
        activation: the activation shown in colour (a key of ACTIVATIONS).
        compare: a second activation drawn dashed for comparison, or "none".
        target: the 1-D function the network learns (a key of TARGETS).
        hidden: hidden neurons of the fitted network.
        steps: Adam steps per fit (more fits better, takes longer).
    """

    def __init__(self, activation: str = "sigmoid", compare: str = "none", target: str = "sine",
                 hidden: int = 8, steps: int = 300):
        who = "ActivationExplorer"
        activation = check.choice(activation, "activation", who, ACTIVATIONS)
        compare = check.choice(compare, "compare", who, ["none", *ACTIVATIONS])
        target = check.choice(target, "target", who, TARGETS)
        hidden = check.integer(hidden, "hidden", who, 1, 32)
        self.steps = check.integer(steps, "steps", who, 1, what="training steps")
        self._cache: dict[tuple, dict] = {}
        names = list(ACTIVATIONS)
        self.activation = widgets.Dropdown(options=names, value=activation, description="activation")
        self.compare = widgets.Dropdown(options=["none"] + names, value=compare, description="compare with")
        self.target = widgets.Dropdown(options=list(TARGETS), value=target, description="target")
        self.hidden = widgets.IntSlider(value=hidden, min=1, max=32, description="hidden", continuous_update=False)
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        for control in (self.activation, self.compare, self.target, self.hidden):
            control.observe(lambda change: self.redraw(), names="value")
        controls = widgets.HBox([widgets.VBox([self.activation, self.compare]),
                                 widgets.VBox([self.target, self.hidden])])
        super().__init__([controls, self.out, self.caption])
        self.redraw()

    def fit(self, activation: str | None = None) -> dict:
        """The (cached) fit of ``activation`` (default: the chosen one) with the current target and width."""
        key = (activation or self.activation.value, self.target.value, self.hidden.value, self.steps)
        if key not in self._cache:
            self._cache[key] = fit_curve(key[0], key[1], key[2], steps=self.steps)
        return self._cache[key]

    def redraw(self) -> None:
        shown = [self.activation.value] + ([self.compare.value] if self.compare.value != "none" else [])
        z = np.linspace(-6.0, 6.0, 601)
        fits = {name: self.fit(name) for name in shown}
        with redraw(self.out, figsize=(13, 3.6), ncols=3) as (ax_f, ax_d, ax_fit):
            for name, style in zip(shown, ("-", "--")):
                y, dy = activation_and_derivative(name, z)
                ax_f.plot(z, y, style, linewidth=2, label=name)
                ax_d.plot(z, dy, style, linewidth=2, label=name)
            ax_f.set_title("activation f(z)")
            ax_d.set_title("derivative f'(z)")
            for ax in (ax_f, ax_d):
                ax.axhline(0, color="gray", linewidth=0.8)
                ax.axvline(0, color="gray", linewidth=0.8)
                ax.set_xlabel("z")
                ax.grid(alpha=0.3)
                ax.legend(loc="upper left")
            ax_f.set_ylim(-1.5, 3.0)
            ax_d.set_ylim(-0.1, 1.2)
            first = fits[shown[0]]
            ax_fit.plot(first["x"], first["y"], color="k", linewidth=3, alpha=0.3, label=f"target: {self.target.value}")
            for name, style in zip(shown, ("-", "--")):
                ax_fit.plot(fits[name]["x"], fits[name]["pred"], style, linewidth=2,
                            label=f"{name}: MSE {fits[name]['losses'][-1]:.3f}")
            ax_fit.set_title(f"1 hidden layer of {self.hidden.value}, {self.steps} Adam steps")
            ax_fit.set_xlabel("x")
            ax_fit.grid(alpha=0.3)
            ax_fit.legend(loc="best", fontsize=8)
        rows = "".join(f"<li><b>{name}</b>: {NOTES[name]} Final MSE {fits[name]['losses'][-1]:.4f}.</li>"
                       for name in shown)
        self.caption.value = f"<ul>{rows}</ul>"
