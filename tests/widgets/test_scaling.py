"""Lesson 07's widgets: the gradient-descent path on raw vs standardized features, the augmentation preview."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest

import labkit.widgets._figure as figure_helper
from labkit.widgets.scaling import (
    AugmentationPreview,
    ScalingExplorer,
    gradient_descent_path,
    make_scaled_data,
    steps_to_reach,
)


@pytest.fixture
def shown(monkeypatch):
    """The figures the widgets display (outside a kernel the Output widget cannot capture them)."""
    figures = []
    monkeypatch.setattr(figure_helper, "display", figures.append)
    return figures


def test_data_has_the_requested_scales_and_is_centred():
    X, y = make_scaled_data(12.0, n=300)
    np.testing.assert_allclose(X.std(axis=0), [12.0, 1.0], rtol=1e-12)
    np.testing.assert_allclose(X.mean(axis=0), 0.0, atol=1e-12)
    assert abs(y.mean()) < 1e-12


def test_path_matches_gradient_descent_written_out():
    X, y = make_scaled_data(3.0, n=50)
    path, losses = gradient_descent_path(X, y, lr=0.05, steps=4, start=(0.5, -0.5))
    w = np.array([0.5, -0.5])
    for k in range(4):
        np.testing.assert_allclose(losses[k], np.mean((X @ w - y) ** 2) / 2, rtol=1e-10)
        w = w - 0.05 * X.T @ (X @ w - y) / len(X)  # gradient of mean((Xw - y)^2) / 2
        np.testing.assert_allclose(path[k + 1], w, rtol=1e-10)


def test_path_stops_when_it_diverges():
    X, y = make_scaled_data(10.0)
    path, losses = gradient_descent_path(X, y, lr=1.0, steps=200)
    assert len(losses) < 50 and losses[-1] > 1e6 and len(path) == len(losses)


def test_steps_to_reach():
    assert steps_to_reach(np.array([5.0, 3.0, 1.0, 0.5]), 1.0) == 2
    assert steps_to_reach(np.array([5.0, 3.0]), 1.0) is None


def test_standardizing_makes_the_valley_round_and_fast(shown):
    widget = ScalingExplorer(scale=10.0, lr=0.015, steps=100)
    assert widget.condition_number > 50
    assert widget.steps_to_target is None  # the raw valley: 100 small steps are not enough
    assert widget.max_stable_lr == pytest.approx(0.02, rel=0.1)
    widget.features.value = "standardized"
    assert widget.condition_number < 3
    assert len(shown) == 2 and "standardized" in shown[-1].axes[0].get_title()
    widget.lr.value = 1.0
    assert widget.steps_to_target is not None and widget.steps_to_target < 10
    assert "within 1%" in widget.caption.value


def test_a_learning_rate_too_large_for_raw_features_diverges_and_says_so(shown):
    widget = ScalingExplorer(scale=10.0, standardized=True, lr=1.0)
    assert "diverged" not in widget.caption.value
    widget.features.value = "raw"
    assert "diverged" in widget.caption.value
    assert np.all(np.isfinite(widget.path))


def test_moving_the_steps_slider_changes_the_path(shown):
    widget = ScalingExplorer(steps=10)
    assert len(widget.path) == 11
    widget.steps.value = 30
    assert len(widget.path) == 31
    drawn = [line for line in shown[-1].axes[0].lines if len(line.get_xdata()) == 31]
    assert drawn, "the path drawn should have 31 points"
    np.testing.assert_allclose(drawn[0].get_xdata(), widget.path[:, 0])


def test_augmentation_preview_draws_and_redraws(shown):
    rng = np.random.default_rng(0)
    images = rng.uniform(0.2, 1.0, size=(5, 8, 8))
    widget = AugmentationPreview(images, max_shift=0, max_degrees=0.0)
    assert widget.samples.shape == (AugmentationPreview.N_SAMPLES, 8, 8)
    np.testing.assert_allclose(widget.samples, np.repeat(images[:1], AugmentationPreview.N_SAMPLES, axis=0))
    assert len(shown) == 1, "the widget should draw when created"
    assert len(shown[0].axes[0].images) == 1
    widget.max_shift.value = 2
    moved = widget.samples.copy()
    assert not np.allclose(moved, images[0])
    assert (moved == 0).any()  # shifted-in pixels are zero, nothing wraps around
    widget.new_draw.click()
    assert widget.seed.value == 1 and not np.allclose(widget.samples, moved)
    widget.index.value = 3
    widget.max_shift.value = 0
    np.testing.assert_allclose(widget.samples[0], images[3])


def test_augmentation_preview_accepts_channel_images(shown):
    images = np.zeros((2, 1, 8, 8))
    widget = AugmentationPreview(images, noise_std=0.2)
    assert widget.samples.shape == (AugmentationPreview.N_SAMPLES, 8, 8)
    assert widget.samples.max() > 0
