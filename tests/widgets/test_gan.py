"""Lesson 12's widget: scrubbing through GAN training snapshots."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
import torch

import labkit.widgets.gan as gan_widgets
from labkit.data.mixture import make_ring, mode_coverage
from labkit.models import Discriminator2d, Generator2d
from labkit.train.gan import GANRun, GANSnapshot, train_gan
from labkit.widgets.gan import GANSnapshots


@pytest.fixture(scope="module")
def runs():
    torch.manual_seed(0)
    X, centers = make_ring(400, std=0.1, seed=0)
    G, D = Generator2d(2, (16,)), Discriminator2d(2, (16,))
    og, od = torch.optim.Adam(G.parameters(), 2e-3), torch.optim.Adam(D.parameters(), 2e-3)
    grid = (np.linspace(-3, 3, 9), np.linspace(-3, 3, 9))
    first = train_gan(G, D, og, od, X, steps=40, batch_size=32, snapshot_every=10, n_samples=100, grid=grid,
                      progress=False)
    frozen = train_gan(G, D, og, od, X, steps=20, batch_size=32, snapshot_every=10, n_samples=100,
                       train_d=False, progress=False)
    return {"alternating": first, "frozen D": frozen}, X, centers


def test_slider_moves_through_snapshots(runs, keep_figures):
    by_name, X, centers = runs
    figures = keep_figures(gan_widgets)
    calls = []

    def coverage(samples):
        calls.append(samples)
        return mode_coverage(samples, centers, 0.1)

    widget = GANSnapshots(by_name, X, coverage=coverage, n_modes=8)
    assert widget.index.max == 4 and widget.index.value == 4  # starts at the last snapshot
    assert widget.snapshot is by_name["alternating"].snapshots[-1]
    widget.index.value = 1
    assert widget.snapshot.step == 10 and len(figures) == 2
    np.testing.assert_allclose(figures[-1].axes[0].collections[-1].get_offsets(), by_name["alternating"].snapshots[1].samples)
    assert widget.covered == mode_coverage(by_name["alternating"].snapshots[1].samples, centers, 0.1)
    assert "of 8 modes covered" in widget.caption.value and calls[-1] is widget.snapshot.samples


def test_switching_runs_keeps_the_slider_in_range(runs, keep_figures):
    by_name, X, _ = runs
    keep_figures(gan_widgets)
    widget = GANSnapshots(by_name, X)
    widget.run_name.value = "frozen D"
    assert widget.index.max == 2 and widget.index.value == 2
    assert widget.snapshot is by_name["frozen D"].snapshots[-1] and widget.covered is None
    assert "frozen D" in widget.caption.value


def test_bad_arguments_are_named(runs):
    by_name, X, _ = runs
    with pytest.raises(TypeError, match="runs must be a GANRun"):
        GANSnapshots([], X)
    with pytest.raises(ValueError, match="at least one snapshot"):
        GANSnapshots({"empty": GANRun()}, X)
    images = GANRun(snapshots=[GANSnapshot(0, np.zeros((4, 1, 8, 8)))])
    with pytest.raises(ValueError, match=r"draws 2-D points"):
        GANSnapshots(images, X)
    with pytest.raises(ValueError, match=r"real must be 2-D points of shape \(N, 2\), got \(5,\)"):
        GANSnapshots(by_name, np.zeros(5))
    with pytest.raises(TypeError, match="coverage must be a function"):
        GANSnapshots(by_name, X, coverage=3)
