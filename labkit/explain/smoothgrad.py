"""SmoothGrad (Smilkov et al., 2017): average the saliency map over noisy copies of the input.

Gradients of deep networks flicker from pixel to pixel. Averaging the gradient at
``n_samples`` points x + noise, noise ~ N(0, sigma^2) with sigma = noise_level *
(max(x_i) - min(x_i)), keeps what is stable and washes out the flicker:

    smoothgrad(x)[i] = mean_s saliency(x[i] + noise_s)
"""

from __future__ import annotations

from typing import Callable

import torch

from labkit.explain._common import Target, input_gradient, prepare


def smoothgrad(
    model: Callable[[torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    target: Target,
    n_samples: int = 25,
    noise_level: float = 0.15,
    abs: bool = True,
    seed: int = 0,
) -> torch.Tensor:
    """Saliency averaged over noisy copies of each example (Captum: NoiseTunnel(Saliency)).

    Args:
        model: maps x (N, ...) to class scores (N, C).
        x: a batch of inputs, shape (N, ...).
        target: the class to explain: an int for all examples, or N class indices (N,).
        n_samples: noisy copies per example.
        noise_level: noise standard deviation as a fraction of each example's value range.
        abs: average |gradient| (as ``saliency``) instead of the signed gradient.
        seed: seeds the noise, so the same call gives the same map.

    Returns:
        attributions, shape (N, ...) like x.
    """
    if not isinstance(n_samples, int) or n_samples < 1:
        raise ValueError(f"n_samples should be a positive integer, got {n_samples!r}.")
    if not noise_level >= 0:
        raise ValueError(f"noise_level should be >= 0 (a fraction of the value range), got {noise_level!r}.")
    target = prepare(model, x, target)
    x = x.detach()
    n = x.shape[0]
    flat = x.reshape(n, -1)
    sigma = noise_level * (flat.max(dim=1).values - flat.min(dim=1).values)  # (N,)
    sigma = sigma.view(1, n, *(1,) * (x.dim() - 1))

    generator = torch.Generator(device=x.device).manual_seed(seed)
    noise = torch.randn((n_samples, *x.shape), generator=generator, dtype=x.dtype, device=x.device)
    noisy = (x.unsqueeze(0) + sigma * noise).reshape(n_samples * n, *x.shape[1:])  # (S * N, ...)
    gradients = input_gradient(model, noisy, target.repeat(n_samples)).view(n_samples, *x.shape)
    if abs:
        gradients = gradients.abs()
    return gradients.mean(dim=0)  # (N, ...)
