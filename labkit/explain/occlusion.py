"""Occlusion (Zeiler & Fergus, 2014): cover part of the input and watch the score drop.

Slide a window over the input (a patch of an image, a stretch of a signal) with a
given stride; at each position replace what the window covers with a baseline value
and record the drop of the target score, f(x) - f(x with the window covered). Each
feature's attribution is the average drop over all window positions that covered it.

No gradients are needed, so it works for any model, at the price of one forward
pass per window position.
"""

from __future__ import annotations

import itertools
from typing import Callable, Sequence, Union

import torch

from labkit.errors import ShapeError
from labkit.explain._common import Target, check_baseline, prepare, target_score


def _per_dimension(value: Union[int, Sequence[int]], shape: tuple[int, ...], name: str) -> tuple[int, ...]:
    """An int, or one int per dimension of an example, as a tuple of len(shape) ints."""
    if isinstance(value, int):
        value = (value,) * len(shape)
    value = tuple(int(v) for v in value)
    if len(value) != len(shape):
        raise ShapeError(
            f"{name} should have one size per dimension of an example, shape {shape}, got {value}. "
            f"Hint: for images (C, H, W) a window covering all channels is ({shape[0]}, h, w)."
        )
    if any(v < 1 for v in value):
        raise ValueError(f"{name} sizes should be >= 1, got {value}.")
    return value


def window_starts(size: int, window: int, stride: int) -> range:
    """Start positions of a window along one dimension of length ``size``, as Captum places them:
    0, stride, 2 * stride, ... until the window reaches the end (the last one may be cut short)."""
    return range(0, size - window + stride, stride)


def occlusion(
    model: Callable[[torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    target: Target,
    window: Union[int, Sequence[int]],
    stride: Union[int, Sequence[int]] = 1,
    baseline: Union[float, torch.Tensor] = 0.0,
    windows_per_batch: int = 32,
) -> torch.Tensor:
    """Average drop of the target score when a sliding window is covered, as ``captum.attr.Occlusion``.

    Args:
        model: maps x (N, ...) to class scores (N, C).
        x: a batch of inputs, shape (N, ...).
        target: the class to explain: an int for all examples, or N class indices (N,).
        window: window size per dimension of an example, e.g. (1, 3, 3) for (C, H, W) images.
        stride: step of the window per dimension (an int for all); at most the window size.
        baseline: what covers the input: a float, or a tensor of shape (N, ...) or (...).
        windows_per_batch: window positions evaluated in one forward pass (speed vs memory).

    Returns:
        attributions, shape (N, ...) like x.
    """
    target = prepare(model, x, target)
    x = x.detach()
    n, shape = x.shape[0], tuple(x.shape[1:])
    window = _per_dimension(window, shape, "window")
    stride = _per_dimension(stride, shape, "stride")
    for size, w, s in zip(shape, window, stride):
        if w > size:
            raise ShapeError(f"window {window} is larger than an example, shape {shape}.")
        if s > w:
            raise ValueError(
                f"stride {stride} should not exceed the window {window}: some features would never be covered."
            )
    baseline = check_baseline(baseline, x)  # (N, ...)
    positions = list(itertools.product(*(window_starts(d, w, s) for d, w, s in zip(shape, window, stride))))

    total_drop = torch.zeros_like(x)  # (N, ...)
    times_covered = torch.zeros(shape, dtype=x.dtype, device=x.device)  # (...)
    with torch.no_grad():
        score = target_score(model, x, target)  # (N,)
        for first in range(0, len(positions), windows_per_batch):
            chunk = positions[first : first + windows_per_batch]
            masks = torch.zeros((len(chunk), *shape), dtype=torch.bool, device=x.device)  # (P, ...)
            for k, start in enumerate(chunk):
                masks[(k, *(slice(a, a + w) for a, w in zip(start, window)))] = True
            covered = torch.where(masks.unsqueeze(1), baseline.unsqueeze(0), x.unsqueeze(0))  # (P, N, ...)
            covered_score = target_score(model, covered.reshape(-1, *shape), target.repeat(len(chunk)))
            drop = score.unsqueeze(0) - covered_score.view(len(chunk), n)  # (P, N)
            masks = masks.to(x.dtype).unsqueeze(1)  # (P, 1, ...)
            total_drop += (drop.view(len(chunk), n, *(1,) * len(shape)) * masks).sum(dim=0)
            times_covered += masks.sum(dim=(0, 1))
    return total_drop / times_covered
