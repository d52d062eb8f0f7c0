# mistake: Assigns the gradient instead of adding
# why: _backward sets v.grad = ..., so when v is used twice the second use overwrites the first contribution instead of adding to it.
# hint: Try z = tanh(u) + tanh(u): u.grad should be twice one contribution. Gradients from several uses add up.
import math


def tanh(v):
    """v a Value -> a new Value tanh(v.data) whose _backward adds (1 - t**2) * out.grad to v.grad."""
    t = math.tanh(v.data)
    out = Value(t, (v,), "tanh")

    def _backward():
        v.grad = (1.0 - t ** 2) * out.grad  # assigns: a second use overwrites the first

    out._backward = _backward
    return out
