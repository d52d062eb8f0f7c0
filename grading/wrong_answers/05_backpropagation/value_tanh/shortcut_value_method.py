# mistake: Calls the library's Value.tanh
# why: The exercise asks you to write the tanh operation and its backward yourself; Value.tanh does both for you.
# hint: Follow the three steps of the exercise: the forward number, a new Value that remembers v, and a _backward closure.
import math


def tanh(v):
    """v a Value -> a new Value tanh(v.data) whose _backward adds (1 - t**2) * out.grad to v.grad."""
    return v.tanh()
