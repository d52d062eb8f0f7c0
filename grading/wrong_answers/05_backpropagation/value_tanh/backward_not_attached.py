# mistake: _backward never attached
# why: The _backward closure is defined but never stored on out, so backward() calls the default no-op and v.grad stays 0.
# hint: After backward(), x.grad is still 0; how does out know which function to call during backward?
import math


def tanh(v):
    """v a Value -> a new Value tanh(v.data) whose _backward adds (1 - t**2) * out.grad to v.grad."""
    t = math.tanh(v.data)
    out = Value(t, (v,), "tanh")

    def _backward():
        v.grad += (1.0 - t ** 2) * out.grad

    return out  # _backward defined but never attached
