"""Small convolutional networks: ``SmallCNN`` for 8x8 images, ``CNN1d`` for 1-D signals (MNIST-1D)."""

from __future__ import annotations

from typing import Sequence

import torch
from torch import nn

from labkit.models.mlp import check_dropout, check_sizes, make_activation


class SmallCNN(nn.Module):
    """Conv -> activation -> max-pool stages, then a small fully connected classifier.

    Args:
        in_channels: channels of the input images (1 for grey digits).
        n_classes: outputs per example.
        image_size: height = width of the input (8 for scikit-learn digits); it must be
            divisible by 2 ** len(channels), since each stage halves it.
        channels: output channels of each conv stage, e.g. (16, 32).
        kernel_size: odd size of the square kernels ("same" padding keeps the size).
        hidden: width of the fully connected layer after the convolutions (0 = none).
        activation: name or nn.Module class.
        dropout: dropout before the last layer.

    Shapes: x (N, in_channels, image_size, image_size), or (N, image_size**2) when
    in_channels is 1 -> logits (N, n_classes).
    """

    def __init__(
        self,
        in_channels: int = 1,
        n_classes: int = 10,
        image_size: int = 8,
        channels: Sequence[int] = (16, 32),
        kernel_size: int = 3,
        hidden: int = 64,
        activation: str = "relu",
        dropout: float = 0.25,
    ) -> None:
        super().__init__()
        self.channels = check_sizes("channels", channels, allow_empty=False)
        if image_size % 2 ** len(self.channels):
            raise ValueError(
                f"SmallCNN: image_size={image_size} cannot be halved {len(self.channels)} times "
                f"(one max-pool per entry of channels={self.channels}). Use fewer stages."
            )
        if kernel_size % 2 == 0:
            raise ValueError(f"kernel_size must be odd so that padding keeps the size, got {kernel_size}.")
        self.in_channels, self.image_size = in_channels, image_size
        stages = []
        previous = in_channels
        for width in self.channels:
            stages += [nn.Conv2d(previous, width, kernel_size, padding=kernel_size // 2), make_activation(activation),
                       nn.MaxPool2d(2)]
            previous = width
        self.features = nn.Sequential(*stages)
        side = image_size // 2 ** len(self.channels)
        flat = previous * side * side
        head = [nn.Flatten(), nn.Dropout(check_dropout(dropout))]
        if hidden:
            head += [nn.Linear(flat, hidden), make_activation(activation), nn.Dropout(dropout)]
            flat = hidden
        self.classifier = nn.Sequential(*head, nn.Linear(flat, n_classes))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (N, C, H, W) or flat (N, H*W) -> (N, n_classes)."""
        if x.dim() == 2 and self.in_channels == 1 and x.shape[1] == self.image_size**2:
            x = x.reshape(len(x), 1, self.image_size, self.image_size)  # (N, 1, H, W)
        if x.dim() != 4 or x.shape[1:] != (self.in_channels, self.image_size, self.image_size):
            raise ValueError(
                f"SmallCNN expected images (N, {self.in_channels}, {self.image_size}, {self.image_size}), "
                f"got {tuple(x.shape)}. load_digits(images=True) gives that layout."
            )
        return self.classifier(self.features(x))


def conv1d_output_length(length: int, kernel_size: int, stride: int, padding: int) -> int:
    """Length after ``nn.Conv1d``: floor((length + 2 padding - kernel_size) / stride) + 1."""
    return (length + 2 * padding - kernel_size) // stride + 1


class CNN1d(nn.Module):
    """Strided 1-D convolutions and a linear read-out: the CNN of the MNIST-1D paper by default.

    Args:
        in_length: samples per signal (40 for MNIST-1D).
        n_classes: outputs per example.
        channels: channels of every conv layer (25 in the paper).
        kernel_sizes: one kernel size per conv layer ((5, 3, 3) in the paper).
        stride: stride of every conv layer (2: each layer roughly halves the length).
        padding: zero padding at both ends of every conv layer.
        activation: name or nn.Module class.
        in_channels: channels of the input signal.

    Shapes: x (N, in_length) or (N, in_channels, in_length) -> logits (N, n_classes).
    """

    def __init__(
        self,
        in_length: int = 40,
        n_classes: int = 10,
        channels: int = 25,
        kernel_sizes: Sequence[int] = (5, 3, 3),
        stride: int = 2,
        padding: int = 1,
        activation: str = "relu",
        in_channels: int = 1,
    ) -> None:
        super().__init__()
        kernel_sizes = check_sizes("kernel_sizes", kernel_sizes, allow_empty=False)
        self.in_length, self.in_channels = in_length, in_channels
        layers, previous, length = [], in_channels, in_length
        for k in kernel_sizes:
            layers += [nn.Conv1d(previous, channels, k, stride=stride, padding=padding), make_activation(activation)]
            previous, length = channels, conv1d_output_length(length, k, stride, padding)
            if length < 1:
                raise ValueError(f"CNN1d: a signal of length {in_length} shrinks to nothing; use fewer or smaller layers.")
        self.features = nn.Sequential(*layers)
        self.head = nn.Linear(channels * length, n_classes)  # 25 * 5 = 125 -> 10 for MNIST-1D

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (N, L) or (N, C, L) -> (N, n_classes)."""
        if x.dim() == 2:
            x = x.unsqueeze(1)  # (N, 1, L)
        if x.dim() != 3 or x.shape[1:] != (self.in_channels, self.in_length):
            raise ValueError(f"CNN1d expected (N, {self.in_channels}, {self.in_length}) signals, got {tuple(x.shape)}.")
        h = self.features(x)  # (N, channels, L')
        return self.head(h.flatten(1))
