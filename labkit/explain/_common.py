"""What every attribution method needs: a checked batch, a checked target, the target's score.

All methods in ``labkit.explain`` explain a classifier ``model`` that maps a batch
``x`` of shape (N, ...) to logits (or probabilities) of shape (N, C). They explain
one class per example, the *target*: an ``int`` (the same class for every example)
or a tensor / sequence of N class indices.
"""

from __future__ import annotations

from typing import Callable, Sequence, Union

import torch

from labkit.errors import ShapeError

Target = Union[int, Sequence[int], torch.Tensor]


def check_batch(x: torch.Tensor, name: str = "x") -> torch.Tensor:
    """Return ``x`` as a floating tensor of shape (N, ...), or raise a helpful error."""
    if not isinstance(x, torch.Tensor):
        raise TypeError(
            f"{name} should be a torch.Tensor of shape (N, ...), got {type(x).__name__}. "
            f"Hint: torch.as_tensor({name}, dtype=torch.float32)."
        )
    if x.dim() < 2:
        raise ShapeError(
            f"{name} should be a batch of shape (N, ...) with at least 2 dimensions, got shape "
            f"{tuple(x.shape)}. Hint: for a single example use {name}.unsqueeze(0)."
        )
    if not x.is_floating_point():
        raise TypeError(f"{name} should hold floats to take gradients, got dtype {x.dtype}. Hint: {name}.float().")
    return x


def forward(model: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    """``model(x)`` checked to be (N, C); a shape error of the model is re-raised with a hint."""
    try:
        out = model(x)
    except RuntimeError as error:
        if "shape" in str(error) or "size" in str(error) or "dimension" in str(error):
            raise ShapeError(
                f"the model could not take an input of shape {tuple(x.shape)}: {error}. "
                "Hint: x must be a batch (N, ...) with the per-example shape the model was built for."
            ) from error
        raise
    if not isinstance(out, torch.Tensor) or out.dim() != 2 or out.shape[0] != x.shape[0]:
        got = tuple(out.shape) if isinstance(out, torch.Tensor) else type(out).__name__
        raise ShapeError(
            f"the model should return class scores of shape (N, C) = ({x.shape[0]}, C), got {got}. "
            "Hint: for a single-output model, explain torch.cat([-out, out], dim=1) or wrap it."
        )
    return out


def format_target(target: Target, n: int, n_classes: int) -> torch.Tensor:
    """Return the target as a LongTensor of shape (n,) with values in [0, n_classes)."""
    if isinstance(target, bool) or target is None:
        raise TypeError(f"target should be a class index (int) or {n} class indices, got {target!r}.")
    if isinstance(target, int):
        target_tensor = torch.full((n,), target, dtype=torch.long)
    else:
        target_tensor = torch.as_tensor(target)
        if target_tensor.is_floating_point() or target_tensor.dtype == torch.bool:
            raise TypeError(f"target should hold integer class indices, got dtype {target_tensor.dtype}.")
        if target_tensor.dim() == 0:
            target_tensor = target_tensor.expand(n)
        if target_tensor.shape != (n,):
            raise ShapeError(
                f"target should be an int or hold one class index per example, shape ({n},), "
                f"got shape {tuple(target_tensor.shape)}."
            )
        target_tensor = target_tensor.long()
    bad = (target_tensor < 0) | (target_tensor >= n_classes)
    if bad.any():
        raise ValueError(
            f"target {target_tensor[bad][0].item()} is out of range: the model has {n_classes} classes, "
            f"so targets must be in 0..{n_classes - 1}."
        )
    return target_tensor


def target_score(model: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Scores of the target classes: ``model(x)[i, target[i]]``, shape (N,)."""
    out = forward(model, x)  # (N, C)
    return out.gather(1, target.view(-1, 1)).squeeze(1)  # (N,)


def prepare(model: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, target: Target) -> torch.Tensor:
    """Check ``x`` and ``target`` together (one forward pass) and return the target as (N,) longs."""
    check_batch(x)
    with torch.no_grad():
        out = forward(model, x)
    return format_target(target, x.shape[0], out.shape[1]).to(x.device)


def input_gradient(
    model: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, target: torch.Tensor
) -> torch.Tensor:
    """d model(x)[i, target[i]] / d x[i] for every example i, shape like x.

    Summing the target scores before ``backward`` gives per-example gradients because
    example i's score depends only on x[i] (true for models without batch statistics).
    """
    x = x.detach().clone().requires_grad_(True)
    with torch.enable_grad():
        score = target_score(model, x, target)  # (N,)
        (gradient,) = torch.autograd.grad(score.sum(), x)
    return gradient


def check_baseline(baseline: Union[None, float, torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    """A baseline broadcast to x's shape (N, ...): None means zeros, a float fills, a tensor
    may have shape x.shape, x.shape[1:] (one baseline for all examples) or broadcast to x."""
    if baseline is None:
        return torch.zeros_like(x)
    if isinstance(baseline, (int, float)):
        return torch.full_like(x, float(baseline))
    baseline = torch.as_tensor(baseline, dtype=x.dtype, device=x.device)
    try:
        return torch.broadcast_to(baseline, x.shape).clone()
    except RuntimeError:
        raise ShapeError(
            f"baseline of shape {tuple(baseline.shape)} does not fit x of shape {tuple(x.shape)}. "
            f"Expected {tuple(x.shape)}, {tuple(x.shape[1:])} or a float."
        ) from None
