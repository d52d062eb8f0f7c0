"""Sequential: layers applied one after another; backward runs them in reverse."""

from __future__ import annotations

from typing import Iterator

import numpy as np

from labkit.nn.module import Module


def _add_context(error: Exception, context: str) -> None:
    if len(error.args) == 1 and isinstance(error.args[0], str):
        error.args = (f"{context}: {error.args[0]}",)


class Sequential(Module):
    """A chain of modules, as ``torch.nn.Sequential``.

    ``forward(x)`` feeds x through layers 0, 1, ...; ``backward(grad_out)`` feeds the
    gradient through them in reverse and returns the gradient for x. An error
    inside a layer is prefixed with its position, e.g. "Sequential layer (2): ...".
    """

    _check_output = False  # every layer already checks its own output

    def __init__(self, *layers: Module):
        for i, layer in enumerate(layers):
            if not isinstance(layer, Module):
                hint = (" Did you pass the class instead of an instance, e.g. ReLU instead of ReLU()?"
                        if isinstance(layer, type) else "")
                raise TypeError(f"Sequential expects modules, argument {i} is {layer!r}.{hint}")
        self.layers = list(layers)

    def describe(self) -> str:
        return "Sequential(" + ", ".join(layer.describe() for layer in self.layers) + ")"

    def named_children(self) -> Iterator[tuple[str, Module]]:
        for i, layer in enumerate(self.layers):
            yield str(i), layer

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Sequential(*self.layers[index])
        return self.layers[index]

    def __len__(self) -> int:
        return len(self.layers)

    def __iter__(self) -> Iterator[Module]:
        return iter(self.layers)

    def append(self, layer: Module) -> "Sequential":
        if not isinstance(layer, Module):
            raise TypeError(f"Sequential.append expects a module, got {layer!r}.")
        self.layers.append(layer)
        return self

    def forward(self, x):
        """x -> layer_n(...layer_1(layer_0(x)))."""
        for i, layer in enumerate(self.layers):
            try:
                x = layer(x)
            except (ValueError, TypeError, FloatingPointError) as error:
                _add_context(error, f"Sequential layer ({i})")
                raise
        return x

    def backward(self, grad_out):
        """Gradient for the input of layer 0, given the gradient for the output of the last layer."""
        grad = grad_out
        for i in range(len(self.layers) - 1, -1, -1):
            try:
                grad = self.layers[i].backward(grad)
            except (ValueError, TypeError, RuntimeError) as error:
                _add_context(error, f"Sequential layer ({i}) backward")
                raise
            if grad is None:  # e.g. Embedding: integer inputs have no gradient
                break
        return grad


def layers_forward(x, layers, activation):
    """x (N, in) or (in,); layers [(W1, b1), ..., (WL, bL)] with W (out, in); activation a function of an array.

    -> (N, out) or (out,): each layer's x W^T + b, with ``activation`` after every layer but the last
    (the output layer gives raw scores), as a torch.nn.Sequential of Linear and activation layers.
    """
    from labkit.nn.linear import linear_forward

    h = np.asarray(x, dtype=float)
    for k, (weight, bias) in enumerate(layers):
        h = linear_forward(h, weight, bias)
        if k < len(layers) - 1:
            h = activation(h)
    return h
