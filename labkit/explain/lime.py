"""LIME (Ribeiro et al., 2016): explain one prediction with a linear model fitted around it.

1. Split the features of x into S segments (each feature alone, or superpixels given
   by ``feature_mask``).
2. Draw ``n_samples`` on/off patterns z in {0, 1}^S; pattern z keeps the segments with
   z_s = 1 and replaces the others by the baseline. The first pattern keeps everything.
3. Score every perturbed input with the model, and weight each sample by how close it
   stays to x: weight = exp(-d(z)^2 / kernel_width^2), d = cosine distance of z to all-ones.
4. Fit a weighted ridge regression  score ~ intercept + sum_s coefficient_s z_s.

The coefficients are the explanation: how much the target score rises when segment s
is present. The surrogate's weighted R^2 says how far to trust it: near 1, the model is
close to linear in the segments around x; near 0, the explanation is poor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Union

import torch

from labkit.errors import ShapeError
from labkit.explain._common import Target, check_baseline, prepare, target_score


@dataclass(frozen=True)
class LimeResult:
    """What ``lime`` returns.

    attributions: (N, ...) like x; every feature gets its segment's coefficient.
    coefficients: (N, S) one per segment; intercept: (N,).
    r2: (N,) weighted R^2 of the surrogate on its own samples (1 = perfect local fit).
    """

    attributions: torch.Tensor
    coefficients: torch.Tensor
    intercept: torch.Tensor
    r2: torch.Tensor


def _check_feature_mask(feature_mask: Optional[torch.Tensor], shape: tuple[int, ...]) -> torch.Tensor:
    """Segment id of every feature, LongTensor of shape ``shape`` with ids 0..S-1."""
    if feature_mask is None:
        return torch.arange(int(torch.tensor(shape).prod())).view(shape)
    feature_mask = torch.as_tensor(feature_mask)
    if tuple(feature_mask.shape) != shape:
        raise ShapeError(
            f"feature_mask should give a segment id per feature of one example, shape {shape}, "
            f"got {tuple(feature_mask.shape)}."
        )
    if feature_mask.is_floating_point():
        raise TypeError(f"feature_mask should hold integer segment ids, got dtype {feature_mask.dtype}.")
    ids = torch.unique(feature_mask)
    if ids.min() != 0 or ids.max() != len(ids) - 1:
        raise ValueError(f"feature_mask ids should be 0..S-1 with none missing, got {ids.tolist()[:10]}...")
    return feature_mask.long()


def lime(
    model: Callable[[torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    target: Target,
    n_samples: int = 500,
    feature_mask: Optional[torch.Tensor] = None,
    baseline: Union[float, torch.Tensor] = 0.0,
    kernel_width: float = 0.25,
    alpha: float = 0.01,
    seed: int = 0,
) -> LimeResult:
    """Coefficients of a weighted linear surrogate fitted around each example.

    Args:
        model: maps x (N, ...) to class scores (N, C).
        x: a batch of inputs, shape (N, ...).
        target: the class to explain: an int for all examples, or N class indices (N,).
        n_samples: perturbed samples per example (the first one is x itself).
        feature_mask: segment id per feature, shape x.shape[1:], ids 0..S-1; None: each feature alone.
        baseline: value of a switched-off segment: a float or a tensor of shape (N, ...) or (...).
        kernel_width: width of the proximity kernel on the cosine distance (smaller = more local).
        alpha: ridge penalty on the coefficients (not the intercept); 0 is plain least squares.
        seed: seeds the on/off patterns.

    Returns:
        LimeResult with attributions (N, ...), coefficients (N, S), intercept (N,) and r2 (N,).
    """
    if not isinstance(n_samples, int) or n_samples < 2:
        raise ValueError(f"n_samples should be an integer >= 2, got {n_samples!r}.")
    if not kernel_width > 0 or not alpha >= 0:
        raise ValueError(f"kernel_width should be > 0 and alpha >= 0, got {kernel_width!r} and {alpha!r}.")
    target = prepare(model, x, target)
    x = x.detach()
    n, shape = x.shape[0], tuple(x.shape[1:])
    segment = _check_feature_mask(feature_mask, shape).to(x.device)  # (...)
    n_segments = int(segment.max()) + 1
    baseline = check_baseline(baseline, x)  # (N, ...)

    generator = torch.Generator(device=x.device).manual_seed(seed)
    z = torch.randint(0, 2, (n, n_samples, n_segments), generator=generator, device=x.device).to(x.dtype)
    z[:, 0] = 1.0  # the unperturbed example
    keep = z[:, :, segment].bool()  # (N, n_samples, ...)
    perturbed = torch.where(keep, x.unsqueeze(1), baseline.unsqueeze(1))  # (N, n_samples, ...)
    with torch.no_grad():
        scores = target_score(model, perturbed.reshape(-1, *shape), target.repeat_interleave(n_samples))
    scores = scores.view(n, n_samples).to(torch.float64)  # (N, n_samples)

    z64 = z.to(torch.float64)
    cosine_distance = 1.0 - torch.sqrt(z64.sum(dim=2) / n_segments)  # cos(z, ones) = sqrt(|z| / S)
    weights = torch.exp(-(cosine_distance**2) / kernel_width**2)  # (N, n_samples)

    design = torch.cat([torch.ones(n, n_samples, 1, dtype=torch.float64, device=x.device), z64], dim=2)
    weighted_design = design * weights.unsqueeze(2)  # (N, n_samples, 1 + S)
    penalty = alpha * torch.eye(1 + n_segments, dtype=torch.float64, device=x.device)
    penalty[0, 0] = 0.0  # the intercept is not shrunk
    gram = weighted_design.transpose(1, 2) @ design + penalty  # (N, 1 + S, 1 + S)
    beta = torch.linalg.lstsq(gram, weighted_design.transpose(1, 2) @ scores.unsqueeze(2)).solution.squeeze(2)

    fitted = (design @ beta.unsqueeze(2)).squeeze(2)  # (N, n_samples)
    mean = (weights * scores).sum(dim=1, keepdim=True) / weights.sum(dim=1, keepdim=True)
    residual = (weights * (scores - fitted) ** 2).sum(dim=1)
    total = (weights * (scores - mean) ** 2).sum(dim=1)
    r2 = torch.where(total > 0, 1.0 - residual / total.clamp_min(1e-300), torch.ones_like(total))

    coefficients = beta[:, 1:].to(x.dtype)  # (N, S)
    attributions = coefficients[:, segment]  # (N, ...)
    return LimeResult(attributions, coefficients, beta[:, 0].to(x.dtype), r2.to(x.dtype))
