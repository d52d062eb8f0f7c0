"""Integrated gradients (Sundararajan et al., 2017): gradients summed along a straight path.

Walk from a baseline b (an input that means "nothing", e.g. a black image) to the
input x, and add up the gradient of the target score on the way:

    IG(x)_j = (x_j - b_j) * integral_0^1 d f(b + a (x - b)) / d x_j  da

The integral is approximated by a weighted sum over ``steps`` points a_k with weights w_k:

    IG(x)_j ~ (x_j - b_j) * sum_k w_k * grad_j f(b + a_k (x - b))

Completeness: the exact integral satisfies sum_j IG(x)_j = f(x) - f(b) (the
fundamental theorem of calculus along the path). The *gap* between the two
sides measures the error of the approximation and shrinks as ``steps`` grows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Union

import numpy as np
import torch

from labkit.explain._common import Target, check_baseline, input_gradient, prepare, target_score

METHODS = ("gausslegendre", "riemann_left", "riemann_right", "riemann_middle", "riemann_trapezoid")


@dataclass(frozen=True)
class IntegratedGradientsResult:
    """What ``integrated_gradients`` returns.

    attributions: (N, ...) like x.
    gap: (N,) completeness gap, attributions.sum() - (f(x) - f(baseline)) per example;
        near zero when the path integral is well approximated.
    score: (N,) target score f(x); baseline_score: (N,) target score f(baseline).
    """

    attributions: torch.Tensor
    gap: torch.Tensor
    score: torch.Tensor
    baseline_score: torch.Tensor


def path_points(steps: int, method: str = "gausslegendre") -> tuple[np.ndarray, np.ndarray]:
    """Points a_k in [0, 1] and weights w_k (summing to 1) of a quadrature rule, each (steps,).

    ``gausslegendre`` is exact for polynomials of degree < 2 * steps (Captum's default);
    the Riemann sums take the left / right / middle point of ``steps`` equal slices;
    ``riemann_trapezoid`` uses ``steps`` equally spaced points including both ends.
    """
    if not isinstance(steps, (int, np.integer)) or isinstance(steps, bool) or steps < 2:
        raise ValueError(f"steps should be an integer >= 2, got {steps!r}.")
    if method == "gausslegendre":
        nodes, weights = np.polynomial.legendre.leggauss(steps)  # on [-1, 1], weights sum to 2
        return 0.5 * (nodes + 1.0), 0.5 * weights
    width = 1.0 / steps
    if method == "riemann_left":
        return np.arange(steps) * width, np.full(steps, width)
    if method == "riemann_right":
        return (np.arange(steps) + 1) * width, np.full(steps, width)
    if method == "riemann_middle":
        return (np.arange(steps) + 0.5) * width, np.full(steps, width)
    if method == "riemann_trapezoid":
        # Captum 0.9 uses weights 1/steps here, which sum to (steps - 1) / steps, not 1.
        weights = np.full(steps, 1.0 / (steps - 1))
        weights[[0, -1]] /= 2
        return np.linspace(0.0, 1.0, steps), weights
    raise ValueError(f"method should be one of {METHODS}, got {method!r}.")


def integrated_gradients(
    model: Callable[[torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    baseline: Union[None, float, torch.Tensor] = None,
    *,
    target: Target,
    steps: int = 50,
    method: str = "gausslegendre",
) -> IntegratedGradientsResult:
    """Integrated gradients of the target score, as ``captum.attr.IntegratedGradients``.

    Args:
        model: maps x (N, ...) to class scores (N, C).
        x: a batch of inputs, shape (N, ...).
        baseline: the path's start: None (zeros), a float, or a tensor of shape (N, ...) or (...).
        target: the class to explain: an int for all examples, or N class indices (N,).
        steps: number of points on the path.
        method: quadrature rule, one of ``METHODS`` (see ``path_points``).

    Returns:
        IntegratedGradientsResult with attributions (N, ...) and the completeness gap (N,).
    """
    target = prepare(model, x, target)
    x = x.detach()
    baseline = check_baseline(baseline, x)  # (N, ...)
    alphas, weights = path_points(steps, method)
    n = x.shape[0]
    feature_shape = (1,) * (x.dim() - 1)

    alphas_t = torch.as_tensor(alphas, dtype=x.dtype, device=x.device).view(steps, 1, *feature_shape)
    points = baseline.unsqueeze(0) + alphas_t * (x - baseline).unsqueeze(0)  # (steps, N, ...)
    gradients = input_gradient(model, points.reshape(steps * n, *x.shape[1:]), target.repeat(steps))
    gradients = gradients.view(steps, *x.shape)  # (steps, N, ...)
    weights_t = torch.as_tensor(weights, dtype=x.dtype, device=x.device).view(steps, 1, *feature_shape)
    average_gradient = (weights_t * gradients).sum(dim=0)  # (N, ...)
    attributions = (x - baseline) * average_gradient  # (N, ...)

    with torch.no_grad():
        score = target_score(model, x, target)  # (N,)
        baseline_score = target_score(model, baseline, target)  # (N,)
    gap = attributions.reshape(n, -1).sum(dim=1) - (score - baseline_score)  # (N,)
    return IntegratedGradientsResult(attributions, gap, score, baseline_score)
