"""Saliency (Simonyan et al., 2014): how much does the target score move when one input moves?

The saliency map of example i is the gradient of its target score with respect to
its input, usually taken in absolute value:

    saliency(x)[i] = | d f_target(x)[i] / d x[i] |

It is cheap (one backward pass) and local: it describes the model in a tiny
neighbourhood of x, not why the score is as high as it is.
"""

from __future__ import annotations

from typing import Callable

import torch

from labkit.explain._common import Target, input_gradient, prepare


def saliency(
    model: Callable[[torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    target: Target,
    abs: bool = True,
) -> torch.Tensor:
    """Gradient of each example's target score with respect to its input, as ``captum.attr.Saliency``.

    Args:
        model: maps x (N, ...) to class scores (N, C).
        x: a batch of inputs, shape (N, ...).
        target: the class to explain: an int for all examples, or N class indices (N,).
        abs: return |gradient| (the usual saliency map, Captum's default) instead of the signed gradient.

    Returns:
        attributions, shape (N, ...) like x.
    """
    target = prepare(model, x, target)
    gradient = input_gradient(model, x, target)  # (N, ...)
    return gradient.abs() if abs else gradient
