"""Generator / discriminator pairs for GANs: 2-D point clouds and 8x8 digits.

A generator maps noise z (N, latent_dim) to fake samples; a discriminator maps a
sample to one logit, "how real does this look" (train it with ``nn.BCEWithLogitsLoss``).
"""

from __future__ import annotations

from typing import Sequence

import torch
from torch import nn

from labkit.models.mlp import check_dropout, check_sizes


def _stack(widths: Sequence[int], activation: type[nn.Module], dropout: float = 0.0) -> list[nn.Module]:
    layers: list[nn.Module] = []
    for a, b in zip(widths[:-1], widths[1:]):
        layers += [nn.Linear(a, b), activation()]
        if dropout:
            layers.append(nn.Dropout(dropout))
    return layers


class _Generator(nn.Module):
    """Shared by the generators: ``latent_dim`` and ``sample``."""

    latent_dim: int

    def noise(self, n: int, seed: int | None = None) -> torch.Tensor:
        """Standard normal noise z (n, latent_dim) on the model's device."""
        device = next(self.parameters()).device
        generator = None if seed is None else torch.Generator(device=device).manual_seed(seed)
        return torch.randn(n, self.latent_dim, generator=generator, device=device)

    @torch.no_grad()
    def sample(self, n: int = 16, seed: int | None = None) -> torch.Tensor:
        """``n`` generated samples (evaluation mode, no gradients)."""
        was_training = self.training
        self.eval()
        out = self(self.noise(n, seed))
        self.train(was_training)
        return out


class Generator2d(_Generator):
    """Noise -> 2-D points.

    Args:
        latent_dim: size of the noise vector z.
        hidden: widths of the hidden layers (ReLU).
        out_features: coordinates per sample (2 for the plane).

    Shapes: z (N, latent_dim) -> points (N, out_features).
    """

    def __init__(self, latent_dim: int = 2, hidden: Sequence[int] = (64, 64), out_features: int = 2) -> None:
        super().__init__()
        self.latent_dim = latent_dim
        widths = (latent_dim, *check_sizes("hidden", hidden))
        self.net = nn.Sequential(*_stack(widths, nn.ReLU), nn.Linear(widths[-1], out_features))

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        """z (N, latent_dim) -> (N, out_features)."""
        return self.net(z)


class Discriminator2d(nn.Module):
    """2-D points -> one logit each (LeakyReLU hidden layers).

    Shapes: x (N, in_features) -> logits (N, 1).
    """

    def __init__(self, in_features: int = 2, hidden: Sequence[int] = (64, 64)) -> None:
        super().__init__()
        widths = (in_features, *check_sizes("hidden", hidden))
        self.net = nn.Sequential(*_stack(widths, lambda: nn.LeakyReLU(0.2)), nn.Linear(widths[-1], 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (N, in_features) -> (N, 1)."""
        return self.net(x)


class DigitsGenerator(_Generator):
    """Noise -> 8x8 grey images with pixels in [0, 1] (sigmoid output, like ``load_digits``).

    Args:
        latent_dim: size of the noise vector z.
        hidden: widths of the hidden layers (ReLU).
        image_size: side of the square images.

    Shapes: z (N, latent_dim) -> images (N, 1, image_size, image_size).
    """

    def __init__(self, latent_dim: int = 16, hidden: Sequence[int] = (128, 256), image_size: int = 8) -> None:
        super().__init__()
        self.latent_dim, self.image_size = latent_dim, image_size
        widths = (latent_dim, *check_sizes("hidden", hidden))
        self.net = nn.Sequential(*_stack(widths, nn.ReLU), nn.Linear(widths[-1], image_size * image_size), nn.Sigmoid())

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        """z (N, latent_dim) -> (N, 1, H, W)."""
        return self.net(z).reshape(len(z), 1, self.image_size, self.image_size)


class DigitsDiscriminator(nn.Module):
    """8x8 images (or flat rows of 64 pixels) -> one logit each.

    Args:
        image_size: side of the square images.
        hidden: widths of the hidden layers (LeakyReLU, then dropout).
        dropout: keeps the discriminator from winning too fast.

    Shapes: x (N, 1, H, W) or (N, H*W) -> logits (N, 1).
    """

    def __init__(self, image_size: int = 8, hidden: Sequence[int] = (256, 128), dropout: float = 0.3) -> None:
        super().__init__()
        self.image_size = image_size
        widths = (image_size * image_size, *check_sizes("hidden", hidden))
        self.net = nn.Sequential(*_stack(widths, lambda: nn.LeakyReLU(0.2), check_dropout(dropout)),
                                 nn.Linear(widths[-1], 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (N, 1, H, W) or (N, H*W) -> (N, 1)."""
        flat = x.reshape(len(x), -1)  # (N, H*W)
        if flat.shape[1] != self.image_size**2:
            raise ValueError(f"DigitsDiscriminator expected {self.image_size}x{self.image_size} images, got {tuple(x.shape)}.")
        return self.net(flat)
