"""The neuron playground of lesson 01 reacts to its controls."""

import numpy as np

from labkit.widgets.neuron import GATES, NeuronPlayground


def test_playground_draws_and_redraws_on_slider_move():
    w = NeuronPlayground(w1=1.0, w2=1.0, b=-0.5)
    assert w.accuracy() == 0.5  # OR weights on AND data
    assert "z = w·x + b" in w.caption.value and "accuracy 50%" in w.title
    w.b.value = -1.5
    assert w.accuracy() == 1.0  # now AND
    assert "<td>-1.50<" in w.caption.value and "<td>+0.50<" in w.caption.value
    assert w.title.endswith("-1.5  accuracy 100%")


def test_gate_dropdown_changes_the_data():
    w = NeuronPlayground()
    w.gate.value = "XOR"
    np.testing.assert_array_equal(w.y, GATES["XOR"])
    assert w.accuracy() <= 0.75


def test_custom_data_shows_accuracy_summary():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 2))
    y = (X[:, 0] > 0).astype(int)
    w = NeuronPlayground(X, y, w1=1.0, w2=0.0, b=0.0)
    assert w.accuracy() == 1.0 and "50 points" in w.caption.value and w.gate.disabled
