"""Lesson 18's widget: noise, masking and damage sliders with a rule system's and a network's accuracy.

The same corrupted test images go to both systems: Gaussian noise of a chosen standard
deviation (clipped to [0, 1]) and a chosen fraction of pixels set to 0. The damage slider
zeroes a fraction of the network's weights (each Linear layer's, at random); the rules
have no weights to damage. Each move classifies the test set once: milliseconds.
"""

from __future__ import annotations

import copy
from typing import Callable

import ipywidgets as widgets
import numpy as np
import torch

from labkit.widgets import _arguments as check
from labkit.widgets._figure import redraw


def corrupt(images: np.ndarray, noise: float, mask: float, seed: int = 0) -> np.ndarray:
    """images (N, H, W) in [0, 1] -> noisy (std ``noise``, clipped) copies with a fraction ``mask`` of pixels set to 0."""
    rng = np.random.default_rng(seed)
    out = np.asarray(images, dtype=np.float32)
    if noise > 0:
        out = np.clip(out + rng.normal(0.0, noise, out.shape), 0.0, 1.0).astype(np.float32)
    if mask > 0:
        out = out * (rng.random(out.shape) >= mask)
    return out


def zero_weights(model: torch.nn.Module, fraction: float, seed: int = 0) -> torch.nn.Module:
    """A copy of ``model`` with round(fraction * n) random weights set to 0 in each Linear layer (n weights each)."""
    rng = np.random.default_rng(seed)
    damaged = copy.deepcopy(model)
    with torch.no_grad():
        for layer in damaged.modules():
            if isinstance(layer, torch.nn.Linear):
                flat = layer.weight.view(-1)
                k = round(fraction * flat.numel())
                flat[torch.as_tensor(rng.choice(flat.numel(), k, replace=False), dtype=torch.long)] = 0.0
    return damaged


class RobustnessLab(widgets.VBox):
    """Accuracy of a rule system and a network on corrupted images, with noise, masking and damage sliders.

    Args:
        rules: a function mapping images (N, H, W) (NumPy) to labels (N,).
        network: a torch module mapping images (N, H, W) to class scores (N, C); argmax is its label.
        images: test images (N, H, W), values in [0, 1].
        labels: their labels (N,).
        noise: starting noise standard deviation (0..1).
        mask: starting fraction of pixels set to 0 (0..1).
        damage: starting fraction of the network's weights set to 0 (0..1).
        seed: seeds the noise, the mask and the damage.

    After each redraw: ``accuracy`` {"rules": ..., "network": ...} and ``example`` (the first corrupted image).
    """

    def __init__(self, rules: Callable[[np.ndarray], np.ndarray], network: torch.nn.Module, images, labels, *,
                 noise: float = 0.0, mask: float = 0.0, damage: float = 0.0, seed: int = 0) -> None:
        who = "RobustnessLab"
        if not callable(rules):
            raise TypeError(f"{who}: rules must be a function images (N, H, W) -> labels (N,), got {type(rules).__name__}.")
        if not isinstance(network, torch.nn.Module):
            raise TypeError(f"{who}: network must be a torch.nn.Module, got {type(network).__name__}.")
        images = np.asarray(images, dtype=np.float32)
        if images.ndim != 3 or len(images) == 0:
            raise ValueError(f"{who}: images must have shape (N, H, W), got {images.shape}.")
        labels = np.asarray(labels)
        if labels.shape != (len(images),):
            raise ValueError(f"{who}: labels must have one entry per image, shape ({len(images)},), got {labels.shape}.")
        noise = check.number(noise, "noise", who, 0.0, 1.0)
        mask = check.number(mask, "mask", who, 0.0, 1.0)
        damage = check.number(damage, "damage", who, 0.0, 1.0)
        self.rules, self.network, self.images, self.labels = rules, network.eval(), images, labels
        self.seed = check.integer(seed, "seed", who, 0)
        style = {"description_width": "initial"}
        self.noise_slider = widgets.FloatSlider(value=noise, min=0, max=1, step=0.05, description="noise (std)", style=style)
        self.mask_slider = widgets.FloatSlider(value=mask, min=0, max=1, step=0.05, description="pixels masked", style=style)
        self.damage_slider = widgets.FloatSlider(value=damage, min=0, max=1, step=0.05,
                                                 description="network weights zeroed", style=style)
        for slider in (self.noise_slider, self.mask_slider, self.damage_slider):
            slider.observe(lambda change: self.redraw(), names="value")
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        super().__init__([widgets.HBox([self.noise_slider, self.mask_slider, self.damage_slider]), self.out, self.caption])
        self.redraw()

    def redraw(self) -> None:
        corrupted = corrupt(self.images, self.noise_slider.value, self.mask_slider.value, self.seed)
        net = zero_weights(self.network, self.damage_slider.value, self.seed) if self.damage_slider.value > 0 else self.network
        with torch.no_grad():
            net_labels = net(torch.as_tensor(corrupted)).argmax(dim=1).cpu().numpy()
        rule_labels = np.asarray(self.rules(corrupted))
        self.accuracy = {"rules": float((rule_labels == self.labels).mean()),
                         "network": float((net_labels == self.labels).mean())}
        self.example = corrupted[0]
        with redraw(self.out, figsize=(9, 3), ncols=2) as (ax_bar, ax_image):
            bars = ax_bar.bar(list(self.accuracy), list(self.accuracy.values()), color=["tab:gray", "tab:blue"])
            for bar, value in zip(bars, self.accuracy.values()):
                ax_bar.text(bar.get_x() + bar.get_width() / 2, value + 0.02, f"{value:.0%}", ha="center")
            chance = 1 / len(np.unique(self.labels))
            ax_bar.axhline(chance, color="gray", linestyle=":")
            ax_bar.set_ylim(0, 1.1)
            ax_bar.set_ylabel("accuracy")
            ax_bar.set_title(f"{len(self.labels)} test images", fontsize=10)
            ax_image.imshow(self.example, cmap="gray_r", vmin=0, vmax=1)
            ax_image.set_title(f"what both see (label {self.labels[0]}): rules say {rule_labels[0]}, "
                               f"network says {net_labels[0]}", fontsize=9)
            ax_image.axis("off")
        self.caption.value = (f"noise {self.noise_slider.value:.2f}, {self.mask_slider.value:.0%} of pixels masked, "
                              f"{self.damage_slider.value:.0%} of the network's weights zeroed: "
                              f"<b>rules {self.accuracy['rules']:.1%}</b>, <b>network {self.accuracy['network']:.1%}</b> "
                              f"(chance {chance:.0%})")
