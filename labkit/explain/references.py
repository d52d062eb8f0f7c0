"""Lesson 17's demos run on these until the learner's own functions pass their checks (issue 24).

Each has the signature and result of the exercise it stands in for, built on this package's
methods; ``labkit.exercises.fallback.yours_or_reference`` picks it or the learner's version.
The exercises' checks never call them: they test the learner's function against values they
compute themselves.
"""

from __future__ import annotations

from typing import Callable

import torch

from labkit.explain._common import Target, input_gradient, prepare
from labkit.explain.integrated_gradients import integrated_gradients
from labkit.explain.occlusion import occlusion
from labkit.explain.sanity import sanity_check
from labkit.explain.shapley import shapley_values

Model = Callable[[torch.Tensor], torch.Tensor]

__all__ = ["score_gradient", "integrated_gradients_riemann", "occlusion_map", "sanity_check", "shapley_values"]


def score_gradient(model: Model, x: torch.Tensor, target: Target) -> torch.Tensor:
    """x (N, ...) -> the signed gradient of each example's target score, shape like x."""
    return input_gradient(model, x, prepare(model, x, target))


def integrated_gradients_riemann(model: Model, x: torch.Tensor, baseline: torch.Tensor, target: Target,
                                 steps: int) -> tuple[torch.Tensor, torch.Tensor]:
    """x, baseline (N, ...) -> (attributions (N, ...), completeness gap (N,)), midpoint Riemann sum."""
    result = integrated_gradients(model, x, baseline, target=target, steps=steps, method="riemann_middle")
    return result.attributions, result.gap


def occlusion_map(model: Model, image: torch.Tensor, target: int, window: int, baseline: float = 0.0) -> torch.Tensor:
    """image (H, W) -> (H, W): the mean score drop over the window positions (stride 1) covering each pixel."""
    return occlusion(model, image[None], int(target), window=window, baseline=baseline)[0]
