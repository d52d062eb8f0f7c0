"""Lesson 18's widget: a rule system and a network on noisy, masked inputs, and the network damaged."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
import torch

import labkit.widgets.robustness as robustness_widget
from labkit.widgets.robustness import RobustnessLab, corrupt, zero_weights


def make_task():
    """Images whose left half (label 0) or right half (label 1) is inked; a rule and a network that solve it."""
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 2, 60)
    images = np.zeros((60, 4, 4), dtype=np.float32)
    for i, y in enumerate(labels):
        images[i, :, 2 * y:2 * y + 2] = 1.0

    def rules(x):
        return (x[:, :, 2:].mean(axis=(1, 2)) > x[:, :, :2].mean(axis=(1, 2))).astype(int)

    net = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(16, 2))
    with torch.no_grad():
        side = torch.tensor([-1.0, -1.0, 1.0, 1.0]).repeat(4)
        net[1].weight.copy_(torch.stack([-side, side]))
        net[1].bias.zero_()
    return rules, net, images, labels


def test_clean_inputs_both_perfect_and_sliders_change_the_reading(keep_figures):
    figures = keep_figures(robustness_widget)
    rules, net, images, labels = make_task()
    widget = RobustnessLab(rules, net, images, labels)
    assert widget.accuracy == {"rules": 1.0, "network": 1.0}
    assert len(figures) == 1
    widget.mask_slider.value = 1.0  # every pixel gone: both must guess one class
    assert len(figures) == 2
    assert np.all(widget.example == 0)
    # a blank image: the rule compares 0 > 0 (label 0) and the network's scores are its zero biases (argmax 0)
    assert widget.accuracy == pytest.approx({"rules": float(np.mean(labels == 0)), "network": float(np.mean(labels == 0))})
    widget.mask_slider.value = 0.0
    widget.damage_slider.value = 1.0  # all weights zeroed: the network's scores are its biases (0, 0): argmax 0
    assert widget.accuracy["rules"] == 1.0
    assert widget.accuracy["network"] == pytest.approx(float(np.mean(labels == 0)))
    assert "network weights zeroed" in widget.damage_slider.description
    assert "rules 100.0%" in widget.caption.value


def test_corrupt_and_zero_weights():
    images = np.full((3, 8, 8), 0.5, dtype=np.float32)
    noisy = corrupt(images, 0.3, 0.0, seed=1)
    assert noisy.shape == images.shape and noisy.min() >= 0 and noisy.max() <= 1 and not np.allclose(noisy, images)
    masked = corrupt(images, 0.0, 0.5, seed=1)
    assert 0.35 < np.mean(masked == 0) < 0.65
    np.testing.assert_array_equal(corrupt(images, 0.0, 0.0), images)
    net = torch.nn.Sequential(torch.nn.Linear(10, 20), torch.nn.ReLU(), torch.nn.Linear(20, 4))
    before = [p.clone() for p in net.parameters()]
    hurt = zero_weights(net, 0.3, seed=0)
    assert [int((m.weight == 0).sum()) for m in hurt.modules() if isinstance(m, torch.nn.Linear)] == [60, 24]
    assert all(torch.equal(a, b) for a, b in zip(before, net.parameters()))  # the original is untouched


def test_bad_arguments_name_themselves(keep_figures):
    keep_figures(robustness_widget)
    rules, net, images, labels = make_task()
    with pytest.raises(ValueError, match=r"noise must be between 0 and 1.*got 2"):
        RobustnessLab(rules, net, images, labels, noise=2)
    with pytest.raises(ValueError, match=r"damage must be between 0 and 1.*got -0.1"):
        RobustnessLab(rules, net, images, labels, damage=-0.1)
    with pytest.raises(ValueError, match=r"images must have shape \(N, H, W\), got \(60, 16\)"):
        RobustnessLab(rules, net, images.reshape(60, 16), labels)
    with pytest.raises(ValueError, match=r"labels must have one entry per image, shape \(60,\), got \(3,\)"):
        RobustnessLab(rules, net, images, labels[:3])
    with pytest.raises(TypeError, match="network must be a torch.nn.Module"):
        RobustnessLab(rules, lambda x: x, images, labels)
    with pytest.raises(TypeError, match="rules must be a function"):
        RobustnessLab(3, net, images, labels)
