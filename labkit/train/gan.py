"""Training a GAN: the two losses, one alternating step, and a loop that keeps snapshots (lesson 12).

A discriminator D maps a sample to one logit ("how real"); sigma(logit) = D(x) is its probability
that x is real. A generator G maps noise z to a sample. With logits, every log of a sigmoid is
computed stably with softplus: -log sigma(a) = softplus(-a), -log(1 - sigma(a)) = softplus(a).

- :func:`discriminator_loss`: -mean log D(x_real) - mean log(1 - D(G(z))).
- :func:`generator_loss`: "non_saturating" -mean log D(G(z)) (Goodfellow et al. 2014's practical
  choice) or "minimax" mean log(1 - D(G(z))) (the game's own term, which saturates).
- :func:`gan_step`: one discriminator update, then one generator update.
- :func:`train_gan`: many steps on batches of a data array, with :class:`GANSnapshot` every few steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

G_LOSSES = ("non_saturating", "minimax")


def _logits(value, name: str) -> torch.Tensor:
    if not isinstance(value, torch.Tensor):
        raise TypeError(f"{name} must be a torch tensor of logits, got {type(value).__name__}.")
    if value.numel() == 0:
        raise ValueError(f"{name} is empty: a loss needs at least one logit.")
    return value.reshape(-1)


def discriminator_loss(real_logits: torch.Tensor, fake_logits: torch.Tensor) -> torch.Tensor:
    """-mean log sigma(real) - mean log(1 - sigma(fake)): binary cross-entropy, real labelled 1, fake 0.

    real_logits (N,) or (N, 1), fake_logits (M,) or (M, 1) -> scalar tensor. Each batch is averaged
    separately, so the two terms weigh the same whatever N and M.
    """
    real, fake = _logits(real_logits, "real_logits"), _logits(fake_logits, "fake_logits")
    return F.softplus(-real).mean() + F.softplus(fake).mean()


def generator_loss(fake_logits: torch.Tensor, kind: str = "non_saturating") -> torch.Tensor:
    """The generator's loss on D's logits for generated samples, (M,) or (M, 1) -> scalar tensor.

    "non_saturating": -mean log sigma(fake) = mean softplus(-fake); "minimax": mean log(1 - sigma(fake))
    = -mean softplus(fake), whose gradient vanishes exactly when D rejects the fakes confidently.
    """
    fake = _logits(fake_logits, "fake_logits")
    if kind == "non_saturating":
        return F.softplus(-fake).mean()
    if kind == "minimax":
        return -F.softplus(fake).mean()
    raise ValueError(f"kind must be one of {G_LOSSES}, got {kind!r}.")


def gan_step(generator: nn.Module, discriminator: nn.Module, opt_g, opt_d, real: torch.Tensor, z: torch.Tensor,
             g_loss: str = "non_saturating") -> tuple[float, float]:
    """One alternating update; returns (discriminator loss, generator loss) as floats.

    1. D: fake = G(z), detached; minimise :func:`discriminator_loss` on D(real), D(fake).
    2. G: minimise :func:`generator_loss` on the updated D's logits for the same fake samples.
    real (B, ...) a batch of data, z (B', latent_dim) noise.
    """
    fake = generator(z)
    d_loss = discriminator_loss(discriminator(real), discriminator(fake.detach()))
    opt_d.zero_grad()
    d_loss.backward()
    opt_d.step()
    g = generator_loss(discriminator(fake), g_loss)
    opt_g.zero_grad()
    g.backward()
    opt_g.step()
    return d_loss.item(), g.item()


@dataclass
class GANSnapshot:
    """What the GAN looked like after ``step`` steps.

    samples (n, ...) generated from the run's fixed noise; d_grid (R, R) D's probability "real" on
    the run's grid (2-D data only, else None).
    """

    step: int
    samples: np.ndarray
    d_grid: np.ndarray | None = None


@dataclass
class GANRun:
    """Losses per step and snapshots of a GAN training run (``train_gan`` returns and extends it)."""

    d_losses: list[float] = field(default_factory=list)
    g_losses: list[float] = field(default_factory=list)
    snapshots: list[GANSnapshot] = field(default_factory=list)
    grid: tuple[np.ndarray, np.ndarray] | None = None  # (xs, ys) of d_grid, 2-D data only

    @property
    def steps(self) -> int:
        return len(self.d_losses)


@torch.no_grad()
def _snapshot(step: int, generator, discriminator, z_fixed, grid) -> GANSnapshot:
    was = generator.training, discriminator.training
    generator.eval()
    discriminator.eval()
    samples = generator(z_fixed).cpu().numpy()
    d_grid = None
    if grid is not None:
        xs, ys = grid
        points = torch.tensor(np.stack(np.meshgrid(xs, ys), -1).reshape(-1, 2), dtype=torch.float32,
                              device=z_fixed.device)
        d_grid = torch.sigmoid(discriminator(points)).reshape(len(ys), len(xs)).cpu().numpy()
    generator.train(was[0])
    discriminator.train(was[1])
    return GANSnapshot(step, samples, d_grid)


def train_gan(generator: nn.Module, discriminator: nn.Module, opt_g, opt_d, data, *, steps: int,
              batch_size: int = 128, snapshot_every: int = 50, n_samples: int = 1000,
              grid: tuple[np.ndarray, np.ndarray] | None = None, step_fn: Callable | None = None,
              train_d: bool = True, run: GANRun | None = None, seed: int = 0, progress: bool | None = None) -> GANRun:
    """Train for ``steps`` alternating steps on random batches of ``data``; keep snapshots.

    Args:
        generator, discriminator: torch modules (``generator.latent_dim`` gives the noise size).
        opt_g, opt_d: their optimizers (kept by the caller, so a second call continues the run).
        data: (N, ...) array or tensor of real samples; each step draws ``batch_size`` of them.
        steps: how many steps.
        snapshot_every: a :class:`GANSnapshot` after every this many steps (and at step 0 of a new run).
        n_samples: generated samples per snapshot, always from the same fixed noise (``seed``).
        grid: (xs, ys) where to record D's probability in snapshots (2-D data).
        step_fn: ``step_fn(G, D, opt_g, opt_d, real, z) -> (d_loss, g_loss)``; default :func:`gan_step`.
        train_d: False freezes D: only the generator step runs (to show what G does against a fixed D).
        run: a :class:`GANRun` to continue (its losses, snapshots and step count go on).
        seed: seeds the batches, the noise and the fixed snapshot noise.
        progress: tqdm bar (None: as ``labkit.train.fit`` decides).
    """
    from tqdm.auto import tqdm

    from labkit.train.progress import progress_enabled

    if not isinstance(steps, int) or steps < 1:
        raise ValueError(f"steps must be a positive integer, got {steps!r}.")
    if not isinstance(snapshot_every, int) or snapshot_every < 1:
        raise ValueError(f"snapshot_every must be a positive integer, got {snapshot_every!r}.")
    device = next(generator.parameters()).device
    data = torch.as_tensor(np.asarray(data) if not isinstance(data, torch.Tensor) else data, dtype=torch.float32)
    data = data.to(device)
    if len(data) < 1:
        raise ValueError("data is empty.")
    step_fn = step_fn or gan_step
    gen = torch.Generator().manual_seed(seed + (run.steps if run is not None else 0))
    z_fixed = torch.randn(n_samples, generator.latent_dim, generator=torch.Generator().manual_seed(seed)).to(device)
    if run is None:
        run = GANRun(grid=grid)
        run.snapshots.append(_snapshot(0, generator, discriminator, z_fixed, grid))
    grid = run.grid
    bar = tqdm(total=steps, desc="GAN steps", unit="step", disable=not progress_enabled(progress))
    try:
        for _ in range(steps):
            real = data[torch.randint(len(data), (batch_size,), generator=gen).to(device)]
            z = torch.randn(batch_size, generator.latent_dim, generator=gen).to(device)
            if train_d:
                d_loss, g_loss = step_fn(generator, discriminator, opt_g, opt_d, real, z)
            else:
                g = generator_loss(discriminator(generator(z)))
                opt_g.zero_grad()
                g.backward()
                opt_g.step()
                with torch.no_grad():
                    d_loss = discriminator_loss(discriminator(real), discriminator(generator(z))).item()
                g_loss = g.item()
            run.d_losses.append(float(d_loss))
            run.g_losses.append(float(g_loss))
            bar.update(1)
            if run.steps % snapshot_every == 0:
                run.snapshots.append(_snapshot(run.steps, generator, discriminator, z_fixed, grid))
    finally:
        bar.close()
    return run
