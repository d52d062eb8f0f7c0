"""Deep MLPs and the size of their gradients, layer by layer (lesson 09).

What depth costs shows up in the gradients: through many sigmoid layers they shrink
(vanish) on the way back to the input; with weights that are too large they grow
(explode). Two helpers measure it on a PyTorch model:

    model = deep_mlp(64, width=32, depth=8, out_features=10, activation="sigmoid", init="small")
    norms = layer_gradient_norms(model, X, y)   # (9,): one per Linear layer, input side first

``init`` names the starting weights: "default" (torch's U(-1/sqrt(in), 1/sqrt(in))),
"kaiming" (He et al. 2015, N(0, 2/in), made for ReLU), "xavier" (Glorot & Bengio 2010,
N(0, 2/(in+out)), made for tanh/sigmoid), "small" (N(0, 0.01^2)) and "large" (N(0, 1)).
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}
INITS = ("default", "kaiming", "xavier", "small", "large")


def _check_int(value, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"deep_mlp: {name} must be an integer >= {minimum}, got {value!r}.")
    return int(value)


def _initialize(layer: nn.Linear, init: str, activation: str) -> None:
    """Overwrite the weight of ``layer`` in place (biases start at 0 except for "default")."""
    if init == "default":
        return  # torch's own initialization, done by nn.Linear
    with torch.no_grad():
        if init == "kaiming":
            nn.init.kaiming_normal_(layer.weight, nonlinearity="relu" if activation == "relu" else "linear")
        elif init == "xavier":
            nn.init.xavier_normal_(layer.weight)
        elif init == "small":
            nn.init.normal_(layer.weight, 0.0, 0.01)
        else:  # "large"
            nn.init.normal_(layer.weight, 0.0, 1.0)
        layer.bias.zero_()


def deep_mlp(in_features: int, width: int, depth: int, out_features: int, *, activation: str = "relu",
             init: str = "default", seed: int | None = 0) -> nn.Sequential:
    """An nn.Sequential of ``depth`` hidden layers (Linear -> activation) of ``width`` units and a Linear output.

    Args:
        in_features: inputs per example (64 for 8x8 digits).
        width: units per hidden layer.
        depth: number of hidden layers (0 = logistic regression); the model has depth + 1 Linear layers.
        out_features: outputs (classes).
        activation: "relu", "tanh" or "sigmoid".
        init: one of INITS (see the module docstring).
        seed: seeds torch's generator before the weights are drawn (None: leave it alone).

    Shapes: x (N, in_features) -> logits (N, out_features).
    """
    in_features = _check_int(in_features, "in_features", 1)
    width = _check_int(width, "width", 1)
    depth = _check_int(depth, "depth", 0)
    out_features = _check_int(out_features, "out_features", 1)
    if activation not in ACTIVATIONS:
        raise ValueError(f"deep_mlp: activation must be one of {sorted(ACTIVATIONS)}, got {activation!r}.")
    if init not in INITS:
        raise ValueError(f"deep_mlp: init must be one of {list(INITS)}, got {init!r}.")
    if seed is not None:
        torch.manual_seed(seed)
    widths = [in_features] + [width] * depth
    layers: list[nn.Module] = []
    for a, b in zip(widths[:-1], widths[1:]):
        layers += [nn.Linear(a, b), ACTIVATIONS[activation]()]
    layers.append(nn.Linear(widths[-1], out_features))
    for layer in layers:
        if isinstance(layer, nn.Linear):
            _initialize(layer, init, activation)
    return nn.Sequential(*layers)


def linear_layers(model: nn.Module) -> list[nn.Linear]:
    """The nn.Linear layers of ``model`` in the order ``model.modules()`` lists them (input side first)."""
    layers = [m for m in model.modules() if isinstance(m, nn.Linear)]
    if not layers:
        raise ValueError(f"layer_gradient_norms: {type(model).__name__} has no nn.Linear layer to measure.")
    return layers


def layer_gradient_norms(model: nn.Module, X, y, loss_fn=None) -> np.ndarray:
    """The L2 norm of dLoss/dW of every Linear layer, after one forward and backward pass on (X, y).

    Args:
        model: a torch module containing nn.Linear layers.
        X: inputs (N, in_features), array or tensor.
        y: class labels (N,) for the default cross-entropy, or targets for ``loss_fn``.
        loss_fn: ``loss(logits, y) -> scalar``; default ``nn.functional.cross_entropy``.

    Returns:
        (L,) float array, L = number of Linear layers, input side first. The model's
        gradients are cleared afterwards (``.grad = None``), so training is unaffected.
    """
    layers = linear_layers(model)
    device = layers[0].weight.device
    X = torch.as_tensor(np.asarray(X) if not isinstance(X, torch.Tensor) else X, dtype=torch.float32, device=device)
    y = torch.as_tensor(np.asarray(y) if not isinstance(y, torch.Tensor) else y, device=device)
    if X.ndim != 2 or X.shape[1] != layers[0].in_features:
        raise ValueError(f"layer_gradient_norms: X must have shape (N, {layers[0].in_features}), got {tuple(X.shape)}.")
    if len(y) != len(X):
        raise ValueError(f"layer_gradient_norms: y has {len(y)} entries for {len(X)} examples in X.")
    loss_fn = loss_fn or nn.functional.cross_entropy
    saved = [p.grad for p in model.parameters()]
    for p in model.parameters():
        p.grad = None
    loss_fn(model(X), y).backward()
    norms = np.array([float(layer.weight.grad.norm()) for layer in layers])
    for p, g in zip(model.parameters(), saved):
        p.grad = g
    return norms
