# mistake: Slope written with the input
# why: _backward uses 1 - v.data², the input squared, but tanh's slope is 1 - t² with t the output tanh(v.data).
# hint: In the table, tanh's local derivative is written with y, the node's output. Which value does your closure square?
import math


def tanh(v):
    """v a Value -> a new Value tanh(v.data) whose _backward adds (1 - t**2) * out.grad to v.grad."""
    t = math.tanh(v.data)
    out = Value(t, (v,), "tanh")

    def _backward():
        v.grad += (1.0 - v.data ** 2) * out.grad  # slope written with the input

    out._backward = _backward
    return out
