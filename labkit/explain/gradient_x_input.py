"""Gradient x input (Shrikumar et al., 2016): the gradient scaled by the input itself.

    attribution(x)[i] = x[i] * d f_target(x)[i] / d x[i]

For a linear model f(x) = w.x + b this is exactly each feature's contribution w_j x_j,
so the attributions add up to f(x) - b. For non-linear models it is a first-order
(Taylor) estimate of the same thing.
"""

from __future__ import annotations

from typing import Callable

import torch

from labkit.explain._common import Target, input_gradient, prepare


def gradient_x_input(
    model: Callable[[torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    target: Target,
) -> torch.Tensor:
    """Input times the gradient of the target score, as ``captum.attr.InputXGradient``.

    Args:
        model: maps x (N, ...) to class scores (N, C).
        x: a batch of inputs, shape (N, ...).
        target: the class to explain: an int for all examples, or N class indices (N,).

    Returns:
        attributions, shape (N, ...) like x.
    """
    target = prepare(model, x, target)
    return x.detach() * input_gradient(model, x, target)  # (N, ...)
