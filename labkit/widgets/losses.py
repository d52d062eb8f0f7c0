"""Lesson 04's widgets: move one prediction and watch each loss and its gradient.

``LossExplorer`` has two tasks:

* regression: a predicted value y_hat against a target y; squared error (y_hat - y)^2
  and absolute error |y_hat - y|, with their gradients d loss / d y_hat;
* binary classification: a predicted probability p = sigmoid(z) against a label 0 or 1;
  binary cross-entropy and squared error on the probability, with their gradients
  with respect to the logit z (the number the network actually changes).

``SoftmaxExplorer`` has three logits and a target class: the softmax probabilities,
the cross-entropy -log p_target, and its gradient softmax - one_hot.

Every curve is one example's loss (no mean over a batch), so the numbers are easy to
read off. Both widgets draw once when created and redraw when a control moves.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np

from labkit.widgets import _arguments as check
from labkit.widgets._figure import redraw

TASKS = ("regression", "binary classification")
_P_MIN, _P_MAX = 0.005, 0.995  # the probability slider stays away from log(0)


def regression_losses(prediction: float, target: float) -> dict[str, tuple[float, float]]:
    """{name: (loss, d loss / d prediction)} for one predicted value and its target (numbers)."""
    diff = float(prediction) - float(target)
    return {
        "squared error": (diff * diff, 2.0 * diff),
        "absolute error": (abs(diff), float(np.sign(diff))),
    }


def classification_losses(probability: float, label: int) -> dict[str, tuple[float, float]]:
    """{name: (loss, d loss / d z)} for p = sigmoid(z) in (0, 1) and a label 0 or 1.

    Binary cross-entropy -[y log p + (1 - y) log(1 - p)] has d/dz = p - y;
    squared error (p - y)^2 has d/dz = 2 (p - y) p (1 - p), the sigmoid's slope included.
    """
    p, y = float(probability), float(label)
    if not 0.0 < p < 1.0:
        raise ValueError(f"classification_losses expected a probability strictly between 0 and 1, got {p}.")
    if y not in (0.0, 1.0):
        raise ValueError(f"classification_losses expected a label 0 or 1, got {label!r}.")
    bce = -(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
    return {
        "binary cross-entropy": (float(bce), p - y),
        "squared error": ((p - y) ** 2, 2.0 * (p - y) * p * (1.0 - p)),
    }


_COLORS = {"squared error": "#d62728", "absolute error": "#2ca02c", "binary cross-entropy": "#1f77b4"}


class LossExplorer(widgets.VBox):
    """Move a prediction and see each loss and its gradient, the current point marked.

    Args:
        task: "regression" or "binary classification" (a toggle switches later).
        prediction: starting predicted value for regression.
        target: starting target value for regression.
        probability: starting predicted probability for classification, in (0, 1).
        label: starting label (0 or 1) for classification.

    Left plot: the loss of one example as the prediction moves, right plot: its
    gradient; a dot marks where the sliders are. The table underneath lists the numbers.
    """

    def __init__(self, task: str = "binary classification", prediction: float = 1.5, target: float = 0.0,
                 probability: float = 0.1, label: int = 1):
        who = "LossExplorer"
        task = check.choice(task, "task", who, TASKS)
        prediction = check.number(prediction, "prediction", who, -3.0, 3.0)
        target = check.number(target, "target", who, -2.0, 2.0)
        probability = check.number(probability, "probability", who, _P_MIN, _P_MAX,
                                   what="a probability, kept away from 0 and 1 where the log is infinite")
        label = check.choice(label, "label", who, (0, 1))
        self.task = widgets.ToggleButtons(options=list(TASKS), value=task, description="task")
        self.prediction = widgets.FloatSlider(value=prediction, min=-3.0, max=3.0, step=0.05,
                                              description="prediction ŷ", readout_format=".2f",
                                              style={"description_width": "initial"})
        self.target = widgets.FloatSlider(value=target, min=-2.0, max=2.0, step=0.1, description="target y",
                                          readout_format=".1f", style={"description_width": "initial"})
        self.probability = widgets.FloatSlider(value=probability, min=_P_MIN, max=_P_MAX, step=0.005,
                                               description="predicted p", readout_format=".3f",
                                               style={"description_width": "initial"})
        self.label = widgets.ToggleButtons(options=[("label y = 0", 0), ("label y = 1", 1)], value=int(label),
                                           description="target")
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        for control in (self.task, self.prediction, self.target, self.probability, self.label):
            control.observe(self._on_change, names="value")
        self._regression_box = widgets.VBox([self.prediction, self.target])
        self._classification_box = widgets.VBox([self.probability, self.label])
        super().__init__([self.task, self._regression_box, self._classification_box, self.out, self.caption])
        self.redraw()

    def _on_change(self, change) -> None:
        self.redraw()

    def losses(self) -> dict[str, tuple[float, float]]:
        """{loss name: (value, gradient)} at the current slider positions."""
        if self.task.value == "regression":
            return regression_losses(self.prediction.value, self.target.value)
        return classification_losses(self.probability.value, self.label.value)

    def redraw(self) -> None:
        regression = self.task.value == "regression"
        self._regression_box.layout.display = None if regression else "none"
        self._classification_box.layout.display = "none" if regression else None
        if regression:
            xs = np.linspace(-3.0, 3.0, 301)
            x_now = self.prediction.value
            curves = [regression_losses(x, self.target.value) for x in xs]
            xlabel = "predicted value ŷ"
            grad_label = "d loss / d ŷ"
            title = f"target y = {self.target.value:+.1f}"
        else:
            xs = np.linspace(_P_MIN, _P_MAX, 397)
            x_now = self.probability.value
            curves = [classification_losses(x, self.label.value) for x in xs]
            xlabel = "predicted probability p = sigmoid(z)"
            grad_label = "d loss / d z  (z: the logit)"
            title = f"label y = {self.label.value}"
        now = self.losses()
        with redraw(self.out, figsize=(10, 3.6), ncols=2) as (ax_loss, ax_grad):
            for name in now:
                color = _COLORS[name]
                ax_loss.plot(xs, [c[name][0] for c in curves], color=color, label=name)
                ax_grad.plot(xs, [c[name][1] for c in curves], color=color, label=name)
                ax_loss.plot([x_now], [now[name][0]], "o", color=color, markersize=8, markeredgecolor="k")
                ax_grad.plot([x_now], [now[name][1]], "o", color=color, markersize=8, markeredgecolor="k")
            for ax in (ax_loss, ax_grad):
                ax.axvline(x_now, color="gray", linewidth=0.8, linestyle=":")
                ax.set_xlabel(xlabel)
                ax.grid(alpha=0.3)
            ax_grad.axhline(0.0, color="k", linewidth=0.8)
            ax_loss.set_ylabel("loss of this example")
            ax_grad.set_ylabel(grad_label)
            ax_loss.set_title(f"loss, {title}")
            ax_grad.set_title("gradient: how hard training pushes")
            ax_loss.legend(fontsize=8)
            if not regression:
                ax_loss.set_ylim(0, 5.5)
        rows = "".join(f"<tr><td>{html.escape(name)}</td><td>{loss:.4f}</td><td>{grad:+.4f}</td></tr>"
                       for name, (loss, grad) in now.items())
        head = "d loss / d ŷ" if regression else "d loss / d z"
        self.caption.value = (f"<table><tr><th>loss</th><th>value</th><th>{head}</th></tr>{rows}</table>"
                              f"<p>{self._comment()}</p>")

    def _comment(self) -> str:
        if self.task.value == "regression":
            diff = self.prediction.value - self.target.value
            return (f"The prediction is off by {diff:+.2f}. The squared error's gradient grows with the error; "
                    "the absolute error's stays ±1 however far off you are.")
        p, y = self.probability.value, self.label.value
        p_right = p if y == 1 else 1.0 - p
        if p_right < 0.1:
            return (f"Confident and wrong: only {p_right:.1%} for the right class. Cross-entropy pushes hard "
                    "(gradient near ±1); squared error after a sigmoid barely pushes at all.")
        if p_right > 0.9:
            return f"Confident and right ({p_right:.1%} for the right class): both losses are small."
        return f"Unsure: {p_right:.1%} for the right class."


def softmax(logits) -> np.ndarray:
    """logits (C,) -> probabilities (C,), computed with the maximum subtracted first."""
    z = np.asarray(logits, dtype=float)
    e = np.exp(z - z.max())
    return e / e.sum()


class SoftmaxExplorer(widgets.VBox):
    """Three logits, a target class: the softmax, the cross-entropy and its gradient.

    Args:
        logits: three starting scores.
        target: the index (0, 1 or 2) of the true class.
        class_names: names shown under the bars.
    """

    def __init__(self, logits=(2.0, 1.0, -1.0), target: int = 1, class_names=("cat", "dog", "bird")):
        who = "SoftmaxExplorer"
        if isinstance(logits, str) or not hasattr(logits, "__len__") or len(logits) != 3:
            raise ValueError(f"{who}: logits must be 3 numbers (one per class), got {logits!r}.")
        if isinstance(class_names, str) or not hasattr(class_names, "__len__") or len(class_names) != 3:
            raise ValueError(f"{who}: class_names must be 3 names, got {class_names!r}.")
        logits = [check.number(v, f"logits[{i}]", who, -6.0, 6.0) for i, v in enumerate(logits)]
        target = check.choice(target, "target", who, (0, 1, 2))
        self.class_names = tuple(class_names)
        slider = dict(min=-6.0, max=6.0, step=0.1, readout_format=".1f")
        self.logits = [widgets.FloatSlider(value=float(v), description=f"z ({name})", **slider,
                                           style={"description_width": "initial"})
                       for v, name in zip(logits, self.class_names)]
        self.target = widgets.Dropdown(options=[(n, i) for i, n in enumerate(self.class_names)], value=int(target),
                                       description="true class")
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        for control in (*self.logits, self.target):
            control.observe(self._on_change, names="value")
        super().__init__([widgets.HBox([widgets.VBox(self.logits), self.target]), self.out, self.caption])
        self.redraw()

    def _on_change(self, change) -> None:
        self.redraw()

    def probabilities(self) -> np.ndarray:
        """Softmax of the current logits, (3,)."""
        return softmax([s.value for s in self.logits])

    def loss(self) -> float:
        """Cross-entropy -log p_target of the current logits."""
        return float(-np.log(self.probabilities()[self.target.value]))

    def gradient(self) -> np.ndarray:
        """d loss / d logits = softmax - one_hot(target), (3,)."""
        grad = self.probabilities().copy()
        grad[self.target.value] -= 1.0
        return grad

    def redraw(self) -> None:
        p, grad, t = self.probabilities(), self.gradient(), self.target.value
        x = np.arange(3)
        colors = ["#2ca02c" if i == t else "#7f7f7f" for i in range(3)]
        with redraw(self.out, figsize=(10, 3.2), ncols=2) as (ax_p, ax_g):
            ax_p.bar(x, p, color=colors)
            ax_p.set_ylim(0, 1)
            ax_p.set_title(f"softmax probabilities; cross-entropy = -log {p[t]:.3f} = {self.loss():.3f}")
            ax_g.bar(x, grad, color=colors)
            ax_g.axhline(0, color="k", linewidth=0.8)
            ax_g.set_ylim(-1, 1)
            ax_g.set_title("gradient d loss / d z = softmax - one_hot")
            for ax, values in ((ax_p, p), (ax_g, grad)):
                ax.set_xticks(x, [f"{n}{' (true)' if i == t else ''}" for i, n in enumerate(self.class_names)])
                for xi, v in zip(x, values):
                    ax.text(xi, v, f"{v:+.3f}" if ax is ax_g else f"{v:.3f}", ha="center",
                            va="bottom" if v >= 0 else "top", fontsize=9)
                ax.grid(alpha=0.3, axis="y")
        self.caption.value = (
            "Gradient descent moves each logit <i>against</i> its gradient: the true class's logit goes up "
            f"(its gradient is p - 1 = {grad[t]:+.3f}), every other logit goes down by its own probability.")
