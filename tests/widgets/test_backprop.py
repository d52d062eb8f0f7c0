"""Lesson 05's widget: stepping through backward ends where Value.backward ends, one node per step."""

from __future__ import annotations

import matplotlib
import pytest
import torch

from labkit.nn import Value
from labkit.widgets import backprop
from labkit.widgets.backprop import CURRENT, DONE, EXAMPLES, RECEIVING, BackpropStepper


def _final_grads(builder):
    out = builder()
    out.backward()
    return {n.label: n.grad for n in out.topological_order()}


def test_starts_at_the_seed():
    w = BackpropStepper()
    assert w.step == 0 and w.current is None
    grads = w.grads()
    assert grads["L"] == 1.0
    assert all(g == 0.0 for name, g in grads.items() if name != "L")
    assert "Step 0" in w.caption.value
    assert w.previous_button.disabled and not w.next_button.disabled


def test_next_step_runs_one_operation_and_colours_it():
    w = BackpropStepper()
    w.next_button.click()
    assert w.step == 1 and w.current.label == "L"
    grads = w.grads()
    # L = d * a: d receives a = 2, a receives d = -5; nothing further yet
    assert grads["d"] == pytest.approx(2.0) and grads["a"] == pytest.approx(-5.0)
    assert grads["e"] == 0.0 and grads["b"] == 0.0
    assert w.colors["L"] == CURRENT and w.colors["d"] == RECEIVING and w.colors["a"] == RECEIVING
    assert "local dL/dd = +2" in w.caption.value
    w.next_button.click()
    assert w.current.label == "d" and w.colors["L"] == DONE and w.colors["e"] == RECEIVING


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_last_step_equals_value_backward(name):
    w = BackpropStepper(example="L = (a·b + c)·a")
    w.example.value = name
    assert w.step == 0
    w.slider.value = w.slider.max
    assert w.next_button.disabled
    expected = _final_grads(EXAMPLES[name])
    assert set(w.grads()) == set(expected), "every node of the examples has a label"
    for label, grad in w.grads().items():
        assert grad == pytest.approx(expected[label]), label
    assert "Backward is complete" in w.caption.value
    w.slider.value = 0
    assert w.grads()[w.output.label] == 1.0


def test_exercise_graph_gradients_match_torch():
    a, b, c = (torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in (2.0, -3.0, 1.0))
    ((a * b + c) * a).backward()
    w = BackpropStepper()
    w.slider.value = w.slider.max
    g = w.grads()
    assert (g["a"], g["b"], g["c"]) == pytest.approx((a.grad.item(), b.grad.item(), c.grad.item()))


def test_local_gradients_of_a_reused_input_add_up():
    x = Value(3.0, label="x")
    y = x * x
    y.label = "y"
    w = BackpropStepper(y)
    assert w.example.disabled
    assert w.local_gradients(y) == {id(x): pytest.approx(6.0)}
    assert w.grads()["x"] == 0.0  # measuring the local gradient left the graph as it was
    w.next_button.click()
    assert w.grads()["x"] == pytest.approx(6.0)


def test_paints_the_drawn_boxes(monkeypatch):
    painted = []
    original = BackpropStepper._paint

    def spy(self, ax, current):
        original(self, ax, current)
        painted.append([matplotlib.colors.to_hex(t.get_bbox_patch().get_facecolor()) for t in ax.texts[:len(self.nodes)]])

    monkeypatch.setattr(BackpropStepper, "_paint", spy)
    w = BackpropStepper()
    w.next_button.click()
    assert CURRENT in painted[-1] and RECEIVING in painted[-1]


def test_bad_arguments():
    with pytest.raises(TypeError, match="labkit.nn.Value"):
        BackpropStepper(3.0)
    with pytest.raises(ValueError, match="example must be one of"):
        BackpropStepper(example="nope")
    assert backprop.exercise_graph().data == pytest.approx(-10.0)
