"""Lesson 01's widget: move w1, w2 and b, watch one neuron's decision boundary move."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from labkit.nn.neuron import Neuron
from labkit.plots import plot_decision_boundary, plot_line
from labkit.widgets import _arguments as check
from labkit.widgets._figure import redraw

GATES = {
    "AND": np.array([0, 0, 0, 1]),
    "OR": np.array([0, 1, 1, 1]),
    "NAND": np.array([1, 1, 1, 0]),
    "XOR": np.array([0, 1, 1, 0]),
}
GATE_INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)


class NeuronPlayground(widgets.VBox):
    """Sliders for w1, w2 and b of one neuron over a 2-D dataset.

    Args:
        X: (N, 2) points; default the four inputs of a logic gate.
        y: (N,) 0/1 labels; default the gate chosen in the dropdown.
        w1, w2, b: starting weights and bias.

    The plot shades the neuron's output over the plane, draws the line
    w1*x1 + w2*x2 + b = 0, and the caption lists each point's weighted sum,
    output and whether it is right.
    """

    def __init__(self, X=None, y=None, w1: float = 1.0, w2: float = 1.0, b: float = -0.5):
        w1, w2, b = (check.number(v, n, "NeuronPlayground", -3.0, 3.0) for v, n in ((w1, "w1"), (w2, "w2"), (b, "b")))
        if X is not None:
            X = np.asarray(X, dtype=float)
            if X.ndim != 2 or X.shape[1] != 2 or len(X) == 0:
                raise ValueError(f"NeuronPlayground: X must be points of shape (N, 2), got shape {X.shape}.")
        if y is not None:
            y = np.asarray(y)
            expected = len(X) if X is not None else len(GATE_INPUTS)
            if y.shape != (expected,) or not np.isin(y, (0, 1)).all():
                raise ValueError(f"NeuronPlayground: y must be {expected} labels, each 0 or 1 (one per point of X), "
                                 f"got shape {y.shape} with values {np.unique(y)[:5].tolist()}.")
        self._custom = X is not None
        self.X = GATE_INPUTS if X is None else np.asarray(X, dtype=float)
        self.y = GATES["AND"] if y is None else np.asarray(y)
        slider = dict(min=-3.0, max=3.0, step=0.1, continuous_update=True, readout_format=".1f")
        self.w1 = widgets.FloatSlider(value=w1, description="w1", **slider)
        self.w2 = widgets.FloatSlider(value=w2, description="w2", **slider)
        self.b = widgets.FloatSlider(value=b, description="b (bias)", **slider)
        self.activation = widgets.ToggleButtons(options=["step", "sigmoid"], value="step", description="activation")
        self.gate = widgets.Dropdown(options=list(GATES), value="AND", description="data",
                                     disabled=self._custom)
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        for control in (self.w1, self.w2, self.b, self.activation, self.gate):
            control.observe(self._on_change, names="value")
        controls = widgets.HBox([widgets.VBox([self.w1, self.w2, self.b]),
                                 widgets.VBox([self.activation, self.gate])])
        super().__init__([controls, self.out, self.caption])
        self.redraw()

    @property
    def neuron(self) -> Neuron:
        return Neuron([self.w1.value, self.w2.value], self.b.value, activation=self.activation.value)

    def _on_change(self, change) -> None:
        if change["owner"] is self.gate and not self._custom:
            self.y = GATES[self.gate.value]
        self.redraw()

    def accuracy(self) -> float:
        """Fraction of points the neuron puts on the right side (output rounded at 0.5)."""
        return float(np.mean((self.neuron(self.X) >= 0.5) == (self.y == 1)))

    def redraw(self) -> None:
        neuron = self.neuron
        with redraw(self.out, figsize=(5, 4.2)) as ax:
            plot_decision_boundary(neuron, self.X, self.y, ax=ax, resolution=120)
            plot_line(self.w1.value, self.w2.value, self.b.value, ax=ax)
            self.title = (f"{self.w1.value:+.1f}·x1 {self.w2.value:+.1f}·x2 {self.b.value:+.1f}  "
                          f"accuracy {self.accuracy():.0%}")
            ax.set_title(self.title)
        if len(self.X) <= 8:
            z = neuron.weighted_sum(self.X)
            out = neuron(self.X)
            rows = "".join(
                f"<tr><td>{x[0]:g}, {x[1]:g}</td><td>{zi:+.2f}</td><td>{oi:.2f}</td><td>{int(t)}</td>"
                f"<td>{'✔' if (oi >= 0.5) == (t == 1) else '✘'}</td></tr>"
                for x, zi, oi, t in zip(self.X, z, out, self.y)
            )
            self.caption.value = ("<table><tr><th>x1, x2</th><th>z = w·x + b</th><th>output</th>"
                                  f"<th>target</th><th></th></tr>{rows}</table>")
        else:
            self.caption.value = f"<b>accuracy</b> {self.accuracy():.1%} on {len(self.X)} points"
