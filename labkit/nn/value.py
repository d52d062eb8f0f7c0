"""Value: one number that remembers how it was computed, so it can compute its gradient.

The scalar autograd of the backpropagation lesson, in the spirit of micrograd.
Every operation creates a new Value whose ``_prev`` are its inputs and whose
``_op`` names the operation; ``_backward`` applies the chain rule for that one
operation. ``backward()`` visits the graph in reverse topological order, so a
node passes on its gradient only once everything that uses it has added to it.

    a = Value(2.0, label="a"); b = Value(-3.0, label="b")
    c = (a * b + a).tanh();  c.backward()
    a.grad  # dc/da, counting both uses of a
"""

from __future__ import annotations

import math
import numbers


def _as_value(other) -> "Value":
    if isinstance(other, Value):
        return other
    if isinstance(other, bool) or not isinstance(other, numbers.Real):
        raise TypeError(f"Value can be combined with numbers and Values, got {type(other).__name__} {other!r}.")
    return Value(float(other))


class Value:
    """A scalar with a gradient.

    Attributes:
        data: the number (a float).
        grad: d(output)/d(this value) after ``output.backward()``; gradients add up
            over every use of the node and over repeated backward calls (set
            ``grad = 0`` or call ``zero_grad()`` on the output to start again).
        label: an optional name shown by ``draw_graph``.
        _op: the operation that produced it ("" for an input), e.g. "+", "*", "tanh".
        _prev: the Values it was computed from (its children in the graph).
    """

    __slots__ = ("data", "grad", "label", "_op", "_prev", "_backward")

    def __init__(self, data: float, _children: tuple = (), _op: str = "", label: str = ""):
        if isinstance(data, Value):
            raise TypeError("Value(Value(...)) is not needed: use the Value itself.")
        self.data = float(data)
        self.grad = 0.0
        self.label = label
        self._op = _op
        self._prev = tuple(_children)
        self._backward = lambda: None

    def __add__(self, other) -> "Value":
        other = _as_value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other) -> "Value":
        other = _as_value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, other) -> "Value":
        constant = not isinstance(other, Value)  # x ** 2: the exponent is a number, not a node
        other = _as_value(other)
        base, exponent = self.data, other.data
        try:
            result = base ** exponent
        except ZeroDivisionError:
            raise ZeroDivisionError(f"Value: 0 ** {exponent} is undefined (division by zero).") from None
        if isinstance(result, complex):
            raise ValueError(f"Value: {base} ** {exponent} is not a real number (negative base, fractional power).")
        if constant:
            out = Value(result, (self,), f"**{exponent:g}")
        else:
            out = Value(result, (self, other), "**")

        def _backward():
            if base != 0 or exponent >= 1:
                self.grad += exponent * base ** (exponent - 1) * out.grad
            if not constant and base > 0:  # d(b^e)/de = b^e ln b, defined for a positive base
                other.grad += result * math.log(base) * out.grad
        out._backward = _backward
        return out

    def __rpow__(self, other) -> "Value":
        return _as_value(other) ** self

    def relu(self) -> "Value":
        out = Value(self.data if self.data > 0 else 0.0, (self,), "relu")

        def _backward():
            self.grad += (self.data > 0) * out.grad
        out._backward = _backward
        return out

    def tanh(self) -> "Value":
        t = math.tanh(self.data)
        out = Value(t, (self,), "tanh")

        def _backward():
            self.grad += (1.0 - t * t) * out.grad
        out._backward = _backward
        return out

    def sigmoid(self) -> "Value":
        x = self.data
        s = 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
        out = Value(s, (self,), "sigmoid")

        def _backward():
            self.grad += s * (1.0 - s) * out.grad
        out._backward = _backward
        return out

    def exp(self) -> "Value":
        try:
            e = math.exp(self.data)
        except OverflowError:
            raise OverflowError(f"Value: exp({self.data}) is too large for a float.") from None
        out = Value(e, (self,), "exp")

        def _backward():
            self.grad += e * out.grad
        out._backward = _backward
        return out

    def log(self) -> "Value":
        if self.data <= 0:
            raise ValueError(f"Value: log({self.data}) is undefined; log needs a positive number.")
        out = Value(math.log(self.data), (self,), "log")

        def _backward():
            self.grad += out.grad / self.data
        out._backward = _backward
        return out

    def __neg__(self) -> "Value":
        return self * -1.0

    def __radd__(self, other) -> "Value":
        return self + other

    def __sub__(self, other) -> "Value":
        return self + (-_as_value(other))

    def __rsub__(self, other) -> "Value":
        return _as_value(other) + (-self)

    def __rmul__(self, other) -> "Value":
        return self * other

    def __truediv__(self, other) -> "Value":
        other = _as_value(other)
        if other.data == 0:
            raise ZeroDivisionError(f"Value: division of {self.data} by zero.")
        return self * other ** -1.0

    def __rtruediv__(self, other) -> "Value":
        return _as_value(other) / self

    def topological_order(self) -> list["Value"]:
        """Every node of the graph ending here, each after all of its inputs (iterative, no recursion limit)."""
        order: list[Value] = []
        visited: set[int] = set()
        stack: list[tuple[Value, bool]] = [(self, False)]
        while stack:
            node, children_done = stack.pop()
            if children_done:
                order.append(node)
                continue
            if id(node) in visited:
                continue
            visited.add(id(node))
            stack.append((node, True))
            for child in node._prev:
                if id(child) not in visited:
                    stack.append((child, False))
        return order

    def backward(self) -> None:
        """Fill ``.grad`` of every node in the graph with d(self)/d(node); self.grad becomes 1."""
        self.grad = 1.0
        for node in reversed(self.topological_order()):
            node._backward()

    def zero_grad(self) -> None:
        """Set ``.grad = 0`` on every node of the graph ending here."""
        for node in self.topological_order():
            node.grad = 0.0

    def __float__(self) -> float:
        return self.data

    def __repr__(self) -> str:
        name = f"label={self.label!r}, " if self.label else ""
        return f"Value({name}data={self.data:.6g}, grad={self.grad:.6g})"
