"""Poisson subsampling: how DP-SGD must draw its batches for the accountant's epsilon to hold.

The RDP accountant (``labkit.ethics.privacy.accountant``) prices each step as a *subsampled*
Gaussian mechanism: every example takes part in a step independently with probability
q = sample_rate, so the batch size varies (it is Binomial(N, q), mean q N, and may be 0).
Shuffling the data into fixed batches of B is a different mechanism (each example is in
exactly one batch per epoch), and the accountant's epsilon is not a guarantee for it.
Sample as accounted: draw the batches here, as ``opacus.utils.uniform_sampler.
UniformWithReplacementSampler`` (behind Opacus's ``DPDataLoader``) does, draw for draw.
"""

from __future__ import annotations

from typing import Iterator, Optional

import torch


class PoissonSampler:
    """Batches of example indices, each example in each batch independently with rate ``sample_rate``.

    Args:
        num_samples: the dataset size N.
        sample_rate: q, the chance an example is in a batch (expected batch size / N), in (0, 1].
        steps: how many batches to draw (default: round(1 / q), one expected epoch).
        generator: a torch.Generator for reproducible batches (None: torch's global one).

    Iterating yields ``steps`` LongTensors of indices (B_t,), sorted, with B_t ~ Binomial(N, q);
    with the same generator the batches equal those of Opacus's UniformWithReplacementSampler.

        for idx in PoissonSampler(len(x), 64 / len(x), steps=100, generator=g):
            optimizer.backward(loss_fn, x[idx], y[idx])   # idx may be empty: the step still adds noise
    """

    def __init__(self, num_samples: int, sample_rate: float, steps: Optional[int] = None,
                 generator: Optional[torch.Generator] = None):
        if not isinstance(num_samples, int) or num_samples < 1:
            raise ValueError(f"num_samples should be a positive integer (the dataset size), got {num_samples!r}.")
        if not 0 < sample_rate <= 1:
            raise ValueError(f"sample_rate should be in (0, 1], the chance an example is in a batch "
                             f"(expected batch size / dataset size), got {sample_rate!r}.")
        if steps is not None and (not isinstance(steps, int) or steps < 0):
            raise ValueError(f"steps should be a non-negative integer, got {steps!r}.")
        self.num_samples = num_samples
        self.sample_rate = float(sample_rate)
        self.steps = int(round(1 / self.sample_rate)) if steps is None else steps
        self.generator = generator

    @property
    def expected_batch_size(self) -> float:
        """q N: what DP-SGD divides the noisy sum by (never the batch's actual size)."""
        return self.sample_rate * self.num_samples

    def __len__(self) -> int:
        return self.steps

    def __iter__(self) -> Iterator[torch.Tensor]:
        for _ in range(self.steps):
            mask = torch.rand(self.num_samples, generator=self.generator) < self.sample_rate  # (N,)
            yield mask.nonzero(as_tuple=False).reshape(-1)  # (B_t,)
