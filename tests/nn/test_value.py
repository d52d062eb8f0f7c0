"""Value (scalar autograd) against torch autograd, and draw_graph."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from labkit.nn import Value, draw_graph  # noqa: E402


def expression(a, b, c):
    """Works on Values and on torch tensors alike; a is used many times."""
    d = a * b + b**3 - 2 / (c * c + 1)
    e = (a - d).tanh() * 3 + (-a).relu() + (2 * a).sigmoid()
    f = ((a * a).exp() + 1).log() - e / (1 + b * b)
    g = 2 ** (a * 0.5) + (c * c + 0.5) ** b  # a Value in the exponent
    return f * a + d.relu() + g - a


def torch_expression(a, b, c):
    d = a * b + b**3 - 2 / (c * c + 1)
    e = torch.tanh(a - d) * 3 + torch.relu(-a) + torch.sigmoid(2 * a)
    f = torch.log(torch.exp(a * a) + 1) - e / (1 + b * b)
    g = 2 ** (a * 0.5) + (c * c + 0.5) ** b
    return f * a + torch.relu(d) + g - a


numbers = st.floats(-1.5, 1.5).filter(lambda v: abs(v) > 1e-3)


@settings(max_examples=40, deadline=None)
@given(a=numbers, b=numbers, c=numbers)
def test_composed_expression_matches_torch(a, b, c):
    va, vb, vc = Value(a), Value(b), Value(c)
    out = expression(va, vb, vc)
    out.backward()
    ta, tb, tc = (torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in (a, b, c))
    out_t = torch_expression(ta, tb, tc)
    out_t.backward()
    assert out.data == pytest.approx(out_t.item(), rel=1e-9, abs=1e-12)
    for v, t in ((va, ta), (vb, tb), (vc, tc)):
        assert v.grad == pytest.approx(t.grad.item(), rel=1e-7, abs=1e-10)


def test_reused_node_accumulates_gradient():
    x = Value(3.0)
    y = x * x + x * x * x + x  # dy/dx = 2x + 3x^2 + 1 = 34
    y.backward()
    assert x.grad == pytest.approx(34.0)
    h = x + 1  # an inner node used by two later nodes
    z = h * h + h
    x.grad = 0.0
    z.backward()
    assert x.grad == pytest.approx(2 * 4.0 + 1)


def test_numbers_on_either_side_and_negation():
    a = Value(2.0)
    assert (1 + a).data == 3 and (a + 1).data == 3
    assert (5 - a).data == 3 and (a - 5).data == -3
    assert (3 * a).data == 6 and (a / 4).data == 0.5 and (4 / a).data == 2
    assert (-a).data == -2 and (a**2).data == 4 and (2**a).data == 4
    z = 4 / a
    z.backward()
    assert a.grad == pytest.approx(-1.0)  # d(4/a)/da = -4/a^2


def test_backward_is_topological_on_a_deep_chain():
    x = Value(0.5)
    y = x
    for _ in range(5000):  # deeper than Python's recursion limit
        y = y * 1.0001
    y.backward()
    assert x.grad == pytest.approx(1.0001**5000)


def test_graph_structure_keeps_op_and_children():
    a, b = Value(1.0, label="a"), Value(2.0, label="b")
    c = a * b
    c.label = "c"
    assert c._op == "*" and set(c._prev) == {a, b}
    assert (a**2)._op == "**2"
    assert a._op == "" and a._prev == ()


def test_value_errors_are_clear():
    with pytest.raises(ValueError, match="log"):
        Value(-1.0).log()
    with pytest.raises(ZeroDivisionError):
        Value(1.0) / 0
    with pytest.raises(TypeError, match="numbers and Values"):
        Value(1.0) + "2"


def test_draw_graph_returns_a_figure_with_labels_data_grads_and_ops():
    a, b = Value(2.0, label="a"), Value(-3.0, label="b")
    e = a * b
    e.label = "e"
    out = (e + a).tanh()
    out.label = "out"
    out.backward()
    fig = draw_graph(out)
    assert isinstance(fig, Figure)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert any(t.startswith("a\n") and "data 2.0000" in t and f"grad {a.grad:.4f}" in t for t in texts)
    assert {"*", "+", "tanh"} <= set(texts)
    fig.canvas.draw()  # the arrows attach to the boxes at draw time; this must not fail
    n_arrows = sum(1 for t in fig.axes[0].texts if t.get_text() == "" and hasattr(t, "arrow_patch"))
    n_arrows += len(fig.axes[0].patches)  # edges routed round the boxes in between
    assert n_arrows == 8  # a->*, b->*, *->e, e->+, a->+, +->(e+a), (e+a)->tanh, tanh->out
    plt.close(fig)


def test_draw_graph_refuses_huge_graphs():
    x = Value(1.0)
    for _ in range(300):
        x = x + 1
    with pytest.raises(ValueError, match="max_nodes"):
        draw_graph(x)
