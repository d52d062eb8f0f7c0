"""Lesson 03's widget: a small network playground in the spirit of TensorFlow Playground.

    from labkit.widgets.playground import Playground
    Playground(dataset="circles", hidden_layers=1, neurons=4, activation="tanh")

Choose a 2-D dataset and its noise, the hidden layers and neurons, the activation
and the learning rate; each click on Train runs a short burst of full-batch Adam
epochs on a labkit.nn network, then the decision boundary and the loss curves
(training and test) are redrawn. Changing the data or the architecture starts a
fresh network; changing the learning rate keeps the weights.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from labkit import nn
from labkit.data import load_toy
from labkit.plots import CLASS_COLORS, plot_decision_boundary
from labkit.widgets import _arguments as check
from labkit.widgets._figure import redraw

DATASETS = ("moons", "circles", "xor", "spirals")
ACTIVATIONS = {
    "tanh": nn.Tanh,
    "relu": nn.ReLU,
    "sigmoid": nn.Sigmoid,
    "leaky_relu": lambda: nn.LeakyReLU(0.1),
    "linear": nn.Identity,
}
LEARNING_RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3)
EPOCH_CHOICES = (50, 100, 200, 500)


def build_mlp(layer_sizes: list[int], activation: str = "tanh", seed: int = 0) -> nn.Sequential:
    """A labkit.nn MLP: Linear layers of the given sizes, ``activation`` between them, none after the last.

    Args:
        layer_sizes: [inputs, hidden_1, ..., outputs], e.g. [2, 4, 4, 1].
        activation: a key of ACTIVATIONS.
        seed: seeds labkit.nn's initialization.
    """
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}; choose one of {sorted(ACTIVATIONS)}.")
    if len(layer_sizes) < 2:
        raise ValueError(f"layer_sizes needs at least [inputs, outputs], got {layer_sizes!r}.")
    nn.manual_seed(seed)
    layers: list[nn.Module] = []
    for i, (n_in, n_out) in enumerate(zip(layer_sizes[:-1], layer_sizes[1:])):
        layers.append(nn.Linear(n_in, n_out))
        if i < len(layer_sizes) - 2:
            layers.append(ACTIVATIONS[activation]())
    return nn.Sequential(*layers)


class Playground(widgets.VBox):
    """Train a small network on a 2-D toy set in bursts and watch its decision boundary form.

    Args:
        dataset: "moons", "circles", "xor" or "spirals".
        noise: noise of the data (0 to 0.5).
        hidden_layers: number of hidden layers (0 to 4; 0 is logistic regression).
        neurons: neurons in each hidden layer (1 to 16).
        activation: a key of ACTIVATIONS.
        lr: Adam's learning rate (one of LEARNING_RATES).
        epochs: epochs per click of Train (one of EPOCH_CHOICES); an epoch is one full-batch step.
        n_samples: points generated; 70 % train the network, 30 % are held out as a test set.
        seed: seeds the data, the split and the initial weights.

    State: ``epoch`` (epochs trained so far), ``history`` ({"train": [...], "test": [...]} losses)
    and ``model`` (the labkit.nn Sequential).
    """

    def __init__(self, dataset: str = "moons", noise: float = 0.1, hidden_layers: int = 1, neurons: int = 4,
                 activation: str = "tanh", lr: float = 0.03, epochs: int = 200, n_samples: int = 200,
                 seed: int = 0):
        who = "Playground"
        dataset = check.choice(dataset, "dataset", who, DATASETS)
        noise = check.number(noise, "noise", who, 0.0, 0.5)
        hidden_layers = check.integer(hidden_layers, "hidden_layers", who, 0, 4)
        neurons = check.integer(neurons, "neurons", who, 1, 16)
        activation = check.choice(activation, "activation", who, ACTIVATIONS)
        lr = check.choice(lr, "lr", who, LEARNING_RATES)
        epochs = check.choice(epochs, "epochs", who, EPOCH_CHOICES)
        self.n_samples = check.integer(n_samples, "n_samples", who, 20, what="enough for a train and a test set")
        self.seed = check.integer(seed, "seed", who, 0, what="a seed")
        slow = dict(continuous_update=False, style={"description_width": "initial"})
        wide = dict(style={"description_width": "initial"})  # labels in full, never "learning r..."
        self.dataset = widgets.Dropdown(options=DATASETS, value=dataset, description="data", **wide)
        self.noise = widgets.FloatSlider(value=noise, min=0.0, max=0.5, step=0.05, description="noise", **slow)
        self.hidden_layers = widgets.IntSlider(value=hidden_layers, min=0, max=4, description="hidden layers", **slow)
        self.neurons = widgets.IntSlider(value=neurons, min=1, max=16, description="neurons", **slow)
        self.activation = widgets.Dropdown(options=list(ACTIVATIONS), value=activation, description="activation", **wide)
        self.lr = widgets.Dropdown(options=LEARNING_RATES, value=lr, description="learning rate", **wide)
        self.epochs = widgets.Dropdown(options=EPOCH_CHOICES, value=epochs, description="epochs/click", **wide)
        self.train_button = widgets.Button(description="Train", button_style="success", icon="play")
        self.reset_button = widgets.Button(description="Reset", icon="refresh")
        self.progress = widgets.IntProgress(value=0, min=0, max=epochs, description="burst", **wide)
        self.status = widgets.HTML()
        self.out = widgets.Output()
        for control in (self.dataset, self.noise):
            control.observe(lambda change: self._new_data(), names="value")
        for control in (self.hidden_layers, self.neurons, self.activation):
            control.observe(lambda change: self.reset(), names="value")
        self.lr.observe(self._on_lr, names="value")
        self.train_button.on_click(lambda button: self.train())
        self.reset_button.on_click(lambda button: self.reset())
        controls = widgets.HBox([
            widgets.VBox([self.dataset, self.noise, self.lr]),
            widgets.VBox([self.hidden_layers, self.neurons, self.activation]),
            widgets.VBox([self.epochs, widgets.HBox([self.train_button, self.reset_button]), self.progress]),
        ])
        super().__init__([controls, self.out, self.status])
        self._make_data()
        self.reset()

    @property
    def layer_sizes(self) -> list[int]:
        """[2, neurons, ..., neurons, 1] for the current controls."""
        return [2] + [self.neurons.value] * self.hidden_layers.value + [1]

    def _make_data(self) -> None:
        data = load_toy(self.dataset.value, self.n_samples, noise=self.noise.value, seed=self.seed)
        X, y = data.X.astype(float), data.y.astype(float)
        order = np.random.default_rng(self.seed).permutation(len(X))
        n_train = int(round(0.7 * len(X)))
        self.X_train, self.y_train = X[order[:n_train]], y[order[:n_train]]  # (n_train, 2), (n_train,)
        self.X_test, self.y_test = X[order[n_train:]], y[order[n_train:]]

    def _new_data(self) -> None:
        self._make_data()
        self.reset()

    def _on_lr(self, change) -> None:
        self.optimizer.lr = float(change["new"])

    def reset(self) -> None:
        """A fresh network (same seed) for the current controls; the loss history starts again."""
        self.model = build_mlp(self.layer_sizes, self.activation.value, seed=self.seed)
        self.loss_fn = nn.BCEWithLogitsLoss()
        self.optimizer = nn.Adam(self.model.parameters(), lr=float(self.lr.value))
        self.epoch = 0
        self.history: dict[str, list[float]] = {"train": [], "test": []}
        self.progress.value = 0
        self.redraw()

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """X (M, 2) -> (M,) the network's probability of class 1."""
        return nn.sigmoid(self.model(np.asarray(X, dtype=float))[:, 0])

    def accuracy(self, split: str = "test") -> float:
        """Fraction of the "train" or "test" points classified correctly."""
        X, y = (self.X_train, self.y_train) if split == "train" else (self.X_test, self.y_test)
        return float(np.mean((self.predict_proba(X) >= 0.5) == (y == 1)))

    def _test_loss(self) -> float:
        return float(nn.BCEWithLogitsLoss()(self.model(self.X_test), self.y_test[:, None]))

    def train(self, epochs: int | None = None) -> None:
        """Run ``epochs`` (default: the epochs/click control) full-batch Adam steps, then redraw."""
        epochs = int(self.epochs.value if epochs is None else epochs)
        self.train_button.disabled = True
        self.progress.max = epochs
        self.progress.value = 0
        every = max(1, epochs // 20)
        targets = self.y_train[:, None]  # (n_train, 1)
        try:
            for step in range(1, epochs + 1):
                self.optimizer.zero_grad()
                loss = self.loss_fn(self.model(self.X_train), targets)
                self.model.backward(self.loss_fn.backward())
                self.optimizer.step()
                self.history["train"].append(float(loss))
                self.history["test"].append(self._test_loss())
                self.epoch += 1
                if step % every == 0 or step == epochs:
                    self.progress.value = step
        finally:
            self.train_button.disabled = False
        self.redraw()

    def redraw(self) -> None:
        with redraw(self.out, figsize=(11, 4.2), ncols=2) as (ax_data, ax_loss):
            plot_decision_boundary(self.predict_proba, self.X_train, self.y_train.astype(int), ax=ax_data,
                                   resolution=70, padding=0.3)
            for cls in (0, 1):
                held_out = self.X_test[self.y_test == cls]
                ax_data.scatter(held_out[:, 0], held_out[:, 1], s=45, marker="^", color=CLASS_COLORS[cls],
                                edgecolor="white", linewidth=0.8, label=f"class {cls} (test)", zorder=4)
            ax_data.legend(loc="lower right", fontsize=8)
            ax_data.set_title(f"{self.dataset.value}: layers {self.layer_sizes}, {self.activation.value}")
            if self.history["train"]:
                epochs = np.arange(1, self.epoch + 1)
                ax_loss.plot(epochs, self.history["train"], label="train")
                ax_loss.plot(epochs, self.history["test"], label="test")
                ax_loss.legend()
            else:
                ax_loss.text(0.5, 0.5, "press Train", ha="center", va="center", transform=ax_loss.transAxes)
            ax_loss.set_xlabel("epoch")
            ax_loss.set_ylabel("cross-entropy loss")
            ax_loss.set_title("loss")
            ax_loss.grid(alpha=0.3)
        n_params = sum(p.data.size for p in self.model.parameters())
        self.status.value = (f"epoch <b>{self.epoch}</b> · {n_params} parameters · "
                             f"accuracy train <b>{self.accuracy('train'):.0%}</b>, "
                             f"test <b>{self.accuracy('test'):.0%}</b>")
