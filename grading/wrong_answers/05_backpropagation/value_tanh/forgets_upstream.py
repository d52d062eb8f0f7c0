# mistake: Upstream gradient forgotten
# why: _backward adds only the local derivative 1 - t², not multiplied by out.grad, so it is wrong whenever the upstream gradient is not 1.
# hint: Try y = 3 * tanh(x): x.grad should be 3 times the slope. Which factor of the chain rule is missing?
import math


def tanh(v):
    """v a Value -> a new Value tanh(v.data) whose _backward adds (1 - t**2) * out.grad to v.grad."""
    t = math.tanh(v.data)
    out = Value(t, (v,), "tanh")

    def _backward():
        v.grad += 1.0 - t ** 2  # forgets the upstream gradient

    out._backward = _backward
    return out
