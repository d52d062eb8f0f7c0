"""Lesson 09's widget: how deep, how wide, which activation, which initial weights, and what it does to training.

    from labkit.widgets.depth import DepthExplorer
    DepthExplorer(depth=8, width=32, activation="sigmoid", init="default")

Left: the gradient norm of every Linear layer (input side on the left, log scale), at the
initial weights (outline) and now (filled). Right: the training loss per step and the test
accuracy. Changing depth, width, activation or initialization builds a fresh network;
each click on Train runs a short burst of Adam steps on minibatches of the 8x8 digits.
Nothing runs in the background.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import torch
from matplotlib.ticker import NullLocator

from labkit.data import load_digits
from labkit.depth import ACTIVATIONS, INITS, deep_mlp, layer_gradient_norms
from labkit.widgets._figure import redraw

WIDTHS = (8, 16, 32, 64, 128)
LEARNING_RATES = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2)
MAX_DEPTH = 12


class DepthExplorer(widgets.VBox):
    """Sliders for depth and width, choices for activation, initialization and learning rate, a Train button.

    Args:
        depth: hidden layers (0..12).
        width: units per hidden layer (one of WIDTHS).
        activation: "relu", "tanh" or "sigmoid".
        init: one of labkit.depth.INITS.
        lr: Adam's learning rate (one of LEARNING_RATES).
        steps: Adam steps per click of Train (minibatches of 64 digits).
        n_train: digits used for training (the next 400 are the test set).
        seed: seeds the split, the initial weights and the minibatches.

    State after each redraw: ``model``, ``init_norms`` and ``gradient_norms`` (one per Linear
    layer, input first), ``losses`` (training loss per step), ``steps_done``, ``test_accuracy``.
    """

    def __init__(self, depth: int = 4, width: int = 32, activation: str = "relu", init: str = "default",
                 lr: float = 1e-3, steps: int = 50, n_train: int = 1000, seed: int = 0) -> None:
        if isinstance(depth, bool) or not isinstance(depth, (int, np.integer)) or not 0 <= depth <= MAX_DEPTH:
            raise ValueError(f"DepthExplorer: depth must be an integer from 0 to {MAX_DEPTH}, got {depth!r}.")
        for name, value, options in (("width", width, WIDTHS), ("activation", activation, tuple(ACTIVATIONS)),
                                     ("init", init, INITS), ("lr", lr, LEARNING_RATES)):
            if value not in options:
                raise ValueError(f"DepthExplorer: {name} must be one of {list(options)}, got {value!r}.")
        if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
            raise ValueError(f"DepthExplorer: steps must be a positive integer, got {steps!r}.")
        if isinstance(n_train, bool) or not isinstance(n_train, (int, np.integer)) or not 64 <= n_train <= 1397:
            raise ValueError(f"DepthExplorer: n_train must be an integer from 64 to 1397, got {n_train!r}.")
        self.steps = int(steps)
        self.seed = int(seed)
        data = load_digits(shuffle=True, seed=self.seed)
        self.X_train = torch.as_tensor(data.X[:n_train])  # (n_train, 64)
        self.y_train = torch.as_tensor(data.y[:n_train])
        self.X_test = torch.as_tensor(data.X[n_train:n_train + 400])  # (400, 64)
        self.y_test = torch.as_tensor(data.y[n_train:n_train + 400])
        slow = dict(continuous_update=False)
        self.depth = widgets.IntSlider(value=int(depth), min=0, max=MAX_DEPTH, description="depth", **slow)
        self.width = widgets.SelectionSlider(options=WIDTHS, value=width, description="width", **slow)
        self.activation = widgets.Dropdown(options=list(ACTIVATIONS), value=activation, description="activation")
        self.init = widgets.Dropdown(options=list(INITS), value=init, description="init")
        self.lr = widgets.SelectionSlider(options=LEARNING_RATES, value=lr, description="Adam lr", **slow)
        self.train_button = widgets.Button(description=f"Train {self.steps} steps", button_style="primary")
        self.reset_button = widgets.Button(description="New network")
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        for control in (self.depth, self.width, self.activation, self.init):
            control.observe(self._on_architecture, names="value")
        self.lr.observe(self._on_lr, names="value")
        self.train_button.on_click(lambda _: self.train())
        self.reset_button.on_click(lambda _: self.reset())
        controls = widgets.HBox([
            widgets.VBox([self.depth, self.width, self.lr]),
            widgets.VBox([self.activation, self.init, widgets.HBox([self.train_button, self.reset_button])]),
        ])
        super().__init__([controls, self.out, self.caption])
        self.reset()

    def _on_architecture(self, change) -> None:
        self.reset()

    def _on_lr(self, change) -> None:
        for group in self.optimizer.param_groups:
            group["lr"] = float(self.lr.value)

    def reset(self) -> None:
        """A fresh network for the current settings (same seed: same start), then redraw."""
        self.model = deep_mlp(64, self.width.value, self.depth.value, 10, activation=self.activation.value,
                              init=self.init.value, seed=self.seed)
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=float(self.lr.value))
        self.generator = torch.Generator().manual_seed(self.seed)
        self.losses: list[float] = []
        self.steps_done = 0
        self.init_norms = layer_gradient_norms(self.model, self.X_train[:256], self.y_train[:256])
        self.redraw()

    def train(self, steps: int | None = None) -> None:
        """Run ``steps`` (default: the Train button's) Adam steps on random minibatches of 64, then redraw."""
        steps = self.steps if steps is None else int(steps)
        self.model.train()
        for _ in range(steps):
            batch = torch.randint(len(self.X_train), (64,), generator=self.generator)
            loss = torch.nn.functional.cross_entropy(self.model(self.X_train[batch]), self.y_train[batch])
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            self.losses.append(loss.item())
        self.steps_done += steps
        self.redraw()

    def redraw(self) -> None:
        self.gradient_norms = layer_gradient_norms(self.model, self.X_train[:256], self.y_train[:256])
        self.model.eval()
        with torch.no_grad():
            self.test_accuracy = float((self.model(self.X_test).argmax(1) == self.y_test).float().mean())
        layers = np.arange(1, len(self.gradient_norms) + 1)
        with redraw(self.out, figsize=(13, 3.8), ncols=2) as (ax_norms, ax_loss):
            ax_norms.bar(layers, self.init_norms, color="none", edgecolor="k", label="at the start")
            ax_norms.bar(layers, self.gradient_norms, color="tab:blue", alpha=0.6, label=f"after {self.steps_done} steps")
            ax_norms.set_yscale("log")
            ax_norms.yaxis.set_minor_locator(NullLocator())
            low = max(min(self.init_norms.min(), self.gradient_norms.min()) / 3, 1e-12)
            ax_norms.set_ylim(low, max(self.init_norms.max(), self.gradient_norms.max()) * 3)
            ax_norms.set_xticks(layers)
            ax_norms.set_xlabel("Linear layer (1 = next to the input, last = output)")
            ax_norms.set_ylabel("‖dLoss/dW‖")
            ax_norms.set_title(f"{self.depth.value} hidden × {self.width.value} {self.activation.value}, "
                               f"init {self.init.value}")
            ax_norms.legend(fontsize=8)
            if self.losses:
                ax_loss.plot(np.arange(1, len(self.losses) + 1), self.losses, color="tab:red", linewidth=1)
            ax_loss.axhline(np.log(10), color="gray", linestyle=":", label="guessing (ln 10)")
            ax_loss.set_xlabel("Adam step")
            ax_loss.set_ylabel("training loss (cross-entropy)")
            ax_loss.set_title(f"test accuracy {self.test_accuracy:.1%}")
            ax_loss.set_xlim(0, max(self.steps_done, self.steps))
            ax_loss.legend(fontsize=8)
            ax_loss.grid(alpha=0.3)
        ratio = self.gradient_norms[0] / max(self.gradient_norms[-1], 1e-30)
        n_params = sum(p.numel() for p in self.model.parameters())
        self.caption.value = (
            f"<b>{n_params:,}</b> parameters &nbsp; <b>steps</b> {self.steps_done} &nbsp; "
            f"<b>last loss</b> {self.losses[-1] if self.losses else float('nan'):.3f} &nbsp; "
            f"<b>test accuracy</b> {self.test_accuracy:.1%} &nbsp; "
            f"<b>first / last layer gradient</b> {ratio:.2g}"
        )
