"""MLP: fully connected layers with an activation (and optional dropout) between them."""

from __future__ import annotations

from typing import Sequence

import torch
from torch import nn

ACTIVATIONS = {
    "relu": nn.ReLU,
    "tanh": nn.Tanh,
    "sigmoid": nn.Sigmoid,
    "gelu": nn.GELU,
    "elu": nn.ELU,
    "leaky_relu": nn.LeakyReLU,
    "silu": nn.SiLU,
}


def make_activation(activation: str | type[nn.Module] | nn.Module) -> nn.Module:
    """A fresh activation layer from a name ("relu", "tanh", ...), a class, or a layer (copied as is)."""
    if isinstance(activation, str):
        if activation not in ACTIVATIONS:
            raise ValueError(f"unknown activation {activation!r}; choose one of {sorted(ACTIVATIONS)}.")
        return ACTIVATIONS[activation]()
    if isinstance(activation, type) and issubclass(activation, nn.Module):
        return activation()
    if isinstance(activation, nn.Module):
        return activation
    raise TypeError(f"activation must be a name, an nn.Module class or layer, got {activation!r}.")


def check_sizes(name: str, sizes: Sequence[int], allow_empty: bool = True) -> tuple[int, ...]:
    """Check a tuple of layer widths (positive integers) and return it as a tuple."""
    if isinstance(sizes, int):
        sizes = (sizes,)
    sizes = tuple(sizes)
    if (not allow_empty and not sizes) or any(isinstance(s, bool) or not isinstance(s, int) or s < 1 for s in sizes):
        raise ValueError(f"{name} must be a tuple of positive integers, got {sizes!r}.")
    return sizes


def check_dropout(dropout: float) -> float:
    if not 0.0 <= dropout < 1.0:
        raise ValueError(f"dropout must be in [0, 1), got {dropout!r}.")
    return float(dropout)


class MLP(nn.Module):
    """Multi-layer perceptron: Linear -> activation (-> Dropout) for each hidden width, then Linear.

    Args:
        in_features: inputs per example; inputs (N, ...) are flattened to (N, in_features).
        hidden: widths of the hidden layers, e.g. (64,) or (128, 64); () is logistic regression.
        out_features: outputs per example (classes, or 1 for a single score).
        activation: "relu", "tanh", "sigmoid", "gelu", "elu", "leaky_relu", "silu" or an nn.Module class.
        dropout: probability of zeroing a hidden unit during training (0 = none).
        residual: add each hidden layer's input to its output when the widths match
            (h = h + act(W h)), as the MLP of the MNIST-1D paper.

    Shapes: x (N, in_features) or (N, *) with in_features values -> logits (N, out_features).
    """

    def __init__(
        self,
        in_features: int,
        hidden: Sequence[int] = (64,),
        out_features: int = 10,
        activation: str | type[nn.Module] = "relu",
        dropout: float = 0.0,
        residual: bool = False,
    ) -> None:
        super().__init__()
        (in_features,) = check_sizes("in_features", (in_features,))
        (out_features,) = check_sizes("out_features", (out_features,))
        self.in_features, self.out_features = in_features, out_features
        self.hidden = check_sizes("hidden", hidden)
        self.residual = residual
        dropout = check_dropout(dropout)
        widths = (in_features, *self.hidden)
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(widths[:-1], widths[1:]))
        self.activations = nn.ModuleList(make_activation(activation) for _ in self.hidden)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(widths[-1], out_features)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (N, in_features) or (N, ...) -> (N, out_features)."""
        h = x.reshape(len(x), -1)  # (N, in_features)
        if h.shape[1] != self.in_features:
            raise ValueError(
                f"MLP(in_features={self.in_features}) got inputs of shape {tuple(x.shape)}, i.e. "
                f"{h.shape[1]} values per example. Build it with in_features={h.shape[1]}."
            )
        for layer, act in zip(self.layers, self.activations):
            out = self.dropout(act(layer(h)))  # (N, width)
            h = h + out if self.residual and out.shape == h.shape else out
        return self.head(h)
