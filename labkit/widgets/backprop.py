"""Lesson 05's widget: step through backpropagation on a small graph, one node at a time.

Backward visits the operations from the output back to the inputs (reverse
topological order). At each step one node passes its gradient to its inputs:

    input.grad += (local derivative d node / d input) * node.grad

The widget replays ``Value.backward`` one node's ``_backward`` at a time, draws the
graph with ``labkit.nn.draw_graph`` and colours the node being processed, the inputs
receiving gradient, and the nodes already done. The caption shows the numbers.
"""

from __future__ import annotations

import html
from typing import Callable

import ipywidgets as widgets
from matplotlib.text import Annotation

from labkit.nn.graph import draw_graph
from labkit.nn.value import Value
from labkit.widgets import _arguments as check
from labkit.widgets._figure import redraw

CURRENT = "#ffc857"  # the node passing its gradient on in this step
RECEIVING = "#b8e6b0"  # its inputs, whose grad just grew
DONE = "#dddddd"  # nodes that already passed their gradient on
WAITING = "#eef4fb"  # draw_graph's own colour: not reached yet


def exercise_graph() -> Value:
    """L = (a*b + c) * a with a = 2, b = -3, c = 1: the graph of the lesson's hand exercise."""
    a, b, c = Value(2.0, label="a"), Value(-3.0, label="b"), Value(1.0, label="c")
    e = a * b
    e.label = "e"
    d = e + c
    d.label = "d"
    out = d * a
    out.label = "L"
    return out


def neuron_graph() -> Value:
    """A neuron tanh(w1*x1 + w2*x2 + b) with two inputs."""
    x1, x2 = Value(2.0, label="x1"), Value(0.0, label="x2")
    w1, w2 = Value(-3.0, label="w1"), Value(1.0, label="w2")
    b = Value(6.8814, label="b")
    s1 = x1 * w1
    s1.label = "x1*w1"
    s2 = x2 * w2
    s2.label = "x2*w2"
    s = s1 + s2
    s.label = "sum"
    z = s + b
    z.label = "z"
    out = z.tanh()
    out.label = "out"
    return out


def squared_error_graph() -> Value:
    """The loss of a one-weight model: L = (w*x + b - y)^2 with x = 1.5, y = 2."""
    w, x, b = Value(0.5, label="w"), Value(1.5, label="x"), Value(0.25, label="b")
    minus_y = Value(-2.0, label="-y")
    wx = w * x
    wx.label = "w*x"
    pred = wx + b
    pred.label = "pred"
    err = pred + minus_y
    err.label = "error"
    out = err ** 2
    out.label = "L"
    return out


EXAMPLES: dict[str, Callable[[], Value]] = {
    "L = (a·b + c)·a": exercise_graph,
    "neuron: tanh(w1·x1 + w2·x2 + b)": neuron_graph,
    "squared error (w·x + b - y)²": squared_error_graph,
}


def _name(node: Value, index: int) -> str:
    return node.label or f"node {index}"


class BackpropStepper(widgets.VBox):
    """Step through ``output.backward()`` one operation at a time.

    Args:
        output: the Value whose graph to step through; None offers the built-in
            ``EXAMPLES`` in a dropdown. The stepper sets the graph's ``.grad``
            values as it goes (after the last step they equal ``output.backward()``'s).
        example: which entry of EXAMPLES to show first when ``output`` is None.

    Step 0 seeds d output / d output = 1; step k runs the k-th operation's backward.
    """

    def __init__(self, output: Value | None = None, example: str = "L = (a·b + c)·a"):
        if output is not None and not isinstance(output, Value):
            raise TypeError(f"BackpropStepper expects a labkit.nn.Value as output, got {type(output).__name__}.")
        if output is None:
            example = check.choice(example, "example", "BackpropStepper", EXAMPLES)
        self._custom = output is not None
        self.example = widgets.Dropdown(options=list(EXAMPLES), value=example, description="graph",
                                        disabled=self._custom, layout=widgets.Layout(width="360px"))
        self.previous_button = widgets.Button(description="◀ Previous", layout=widgets.Layout(width="110px"))
        self.next_button = widgets.Button(description="Next step ▶", button_style="primary",
                                          layout=widgets.Layout(width="110px"))
        self.slider = widgets.IntSlider(value=0, min=0, max=1, description="step", continuous_update=True)
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        self.colors: dict[str, str] = {}
        self.example.observe(self._on_example, names="value")
        self.slider.observe(self._on_step, names="value")
        self.next_button.on_click(lambda _: self._move(+1))
        self.previous_button.on_click(lambda _: self._move(-1))
        controls = widgets.HBox([self.example, self.previous_button, self.next_button, self.slider])
        super().__init__([controls, self.out, self.caption])
        self._load(output if self._custom else EXAMPLES[example]())

    def _load(self, output: Value) -> None:
        self.output = output
        self.nodes = output.topological_order()  # inputs first, as draw_graph lists them
        self.operations = [n for n in reversed(self.nodes) if n._prev]  # backward visits these in turn
        self.names = {id(n): _name(n, i) for i, n in enumerate(self.nodes)}
        with self.slider.hold_trait_notifications():
            self.slider.value = 0
            self.slider.max = len(self.operations)
        self.redraw()

    def _on_example(self, change) -> None:
        self._load(EXAMPLES[change["new"]]())

    def _on_step(self, change) -> None:
        self.redraw()

    def _move(self, delta: int) -> None:
        self.slider.value = min(max(self.slider.value + delta, 0), self.slider.max)

    @property
    def step(self) -> int:
        return int(self.slider.value)

    @property
    def current(self) -> Value | None:
        """The node passing its gradient on at this step (None at step 0)."""
        return self.operations[self.step - 1] if self.step > 0 else None

    def _replay(self, steps: int) -> None:
        for node in self.nodes:
            node.grad = 0.0
        self.output.grad = 1.0
        for node in self.operations[:steps]:
            node._backward()

    def local_gradients(self, node: Value) -> dict[int, float]:
        """{id(input): d node / d input} of one operation, measured by running its backward with grad 1."""
        inputs = list(dict.fromkeys(node._prev))
        saved = [(n, n.grad) for n in (node, *inputs)]
        try:
            for child in inputs:
                child.grad = 0.0
            node.grad = 1.0
            node._backward()
            return {id(child): child.grad for child in inputs}
        finally:
            for n, grad in saved:
                n.grad = grad

    def grads(self) -> dict[str, float]:
        """{node name: grad} as the graph stands at this step."""
        return {self.names[id(n)]: n.grad for n in self.nodes}

    def redraw(self) -> None:
        self._replay(self.step)
        current = self.current
        receiving = set(id(c) for c in current._prev) if current is not None else {id(self.output)}
        done = set(id(n) for n in self.operations[:max(self.step - 1, 0)])
        self.colors = {}
        for node in self.nodes:
            key = id(node)
            color = (CURRENT if node is current else RECEIVING if key in receiving
                     else DONE if key in done else WAITING)
            self.colors[self.names[key]] = color
        self.previous_button.disabled = self.step == 0
        self.next_button.disabled = self.step == len(self.operations)
        with redraw(self.out, figsize=self._figsize()) as ax:
            draw_graph(self.output, ax=ax)
            self._paint(ax, current)
            ax.set_title(f"step {self.step} of {len(self.operations)}", fontsize=10)
        self.caption.value = self._explain(current)

    def _figsize(self) -> tuple[float, float]:
        """Roughly draw_graph's own size: one column per depth, one row per node in the fullest column."""
        depth: dict[int, int] = {}
        for node in self.nodes:
            depth[id(node)] = 1 + max((depth[id(c)] for c in node._prev), default=-1)
        columns = max(depth.values()) + 1
        rows = max(list(depth.values()).count(d) for d in set(depth.values()))
        return max(5.0, 2.5 * columns), max(2.4, 0.95 * rows + 1.0)

    def _paint(self, ax, current: Value | None) -> None:
        """Colour draw_graph's boxes: one text per node (topological order), then one per operation."""
        texts = [t for t in ax.texts if not isinstance(t, Annotation)]  # the arrows are Annotations
        with_ops = [n for n in self.nodes if n._prev]
        if len(texts) != len(self.nodes) + len(with_ops):
            return  # draw_graph changed its drawing; leave the default colours
        for node, text in zip(self.nodes, texts):
            patch = text.get_bbox_patch()
            if patch is not None:
                patch.set_facecolor(self.colors[self.names[id(node)]])
                if node is current:
                    patch.set_linewidth(2.0)
        for node, text in zip(with_ops, texts[len(self.nodes):]):
            if node is current and text.get_bbox_patch() is not None:
                text.get_bbox_patch().set_facecolor(CURRENT)

    def _explain(self, current: Value | None) -> str:
        legend = (f"<span style='background:{CURRENT}'>&nbsp;passing its gradient on&nbsp;</span> "
                  f"<span style='background:{RECEIVING}'>&nbsp;receiving&nbsp;</span> "
                  f"<span style='background:{DONE}'>&nbsp;done&nbsp;</span> "
                  f"<span style='background:{WAITING}'>&nbsp;waiting&nbsp;</span>")
        out_name = html.escape(self.names[id(self.output)])
        if current is None:
            text = (f"Step 0: the seed. The derivative of {out_name} with respect to itself is 1, so "
                    f"{out_name}.grad = 1. Press <b>Next step</b>.")
        else:
            name = html.escape(self.names[id(current)])
            parts = [html.escape(self.names[id(c)]) for c in current._prev]
            lines = []
            local = self.local_gradients(current)
            for child in dict.fromkeys(current._prev):
                child_name = html.escape(self.names[id(child)])
                contribution = local[id(child)] * current.grad
                lines.append(f"<li>{child_name}: local d{name}/d{child_name} = {local[id(child)]:+.4g}; "
                             f"{child_name}.grad += {local[id(child)]:+.4g} × {current.grad:+.4g} = "
                             f"{contribution:+.4g} → {child_name}.grad is now {child.grad:+.4g}</li>")
            op = html.escape(current._op)
            formula = (f"{parts[0]} {op} {parts[1]}" if len(parts) == 2 else
                       f"{parts[0]}{op}" if op.startswith("**") else f"{op}({', '.join(parts)})")
            text = (f"Step {self.step}: <b>{name} = {formula}</b> "
                    f"has grad {current.grad:+.4g} (= d{out_name}/d{name}) and passes it to its inputs:"
                    f"<ul>{''.join(lines)}</ul>")
            if self.step == len(self.operations):
                text += "Backward is complete: every grad now holds d" + out_name + "/d(node)."
        return f"<p>{text}</p><p>{legend}</p>"
