"""labkit.train.gan against PyTorch's own BCE losses and a hand-written step; labkit.data.mixture."""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch
from torch.nn import functional as F

from labkit.data.mixture import make_ring, mode_coverage, ring_centers
from labkit.models import Discriminator2d, Generator2d
from labkit.train.gan import GANRun, discriminator_loss, gan_step, generator_loss, train_gan


def test_discriminator_loss_is_bce_with_real_one_and_fake_zero():
    torch.manual_seed(0)
    real, fake = torch.randn(7, 1) * 3, torch.randn(5, 1) * 3
    expected = (F.binary_cross_entropy_with_logits(real, torch.ones_like(real))
                + F.binary_cross_entropy_with_logits(fake, torch.zeros_like(fake)))
    torch.testing.assert_close(discriminator_loss(real, fake), expected)
    extreme = discriminator_loss(torch.tensor([-300.0]), torch.tensor([300.0]))
    assert torch.isfinite(extreme) and extreme.item() == pytest.approx(600.0)


def test_generator_losses_and_their_gradients():
    fake = torch.tensor([-6.0, -1.0, 0.5, 3.0], requires_grad=True)
    ns = generator_loss(fake)
    torch.testing.assert_close(ns, F.binary_cross_entropy_with_logits(fake, torch.ones(4)))
    (grad_ns,) = torch.autograd.grad(ns, fake)
    mm = generator_loss(fake, "minimax")
    torch.testing.assert_close(mm, -F.binary_cross_entropy_with_logits(fake, torch.zeros(4)))
    (grad_mm,) = torch.autograd.grad(mm, fake)
    # D(G(z)) = sigmoid(-6) is tiny: the minimax gradient nearly vanishes, the non-saturating one does not
    assert abs(grad_mm[0]) < 0.01 * abs(grad_ns[0])
    with pytest.raises(ValueError, match="kind must be one of"):
        generator_loss(fake, "wasserstein")
    with pytest.raises(TypeError, match="torch tensor of logits"):
        generator_loss(np.zeros(3))


def test_gan_step_equals_the_step_written_out():
    torch.manual_seed(0)
    G, D = Generator2d(2, (8,)), Discriminator2d(2, (8,))
    G2, D2 = copy.deepcopy(G), copy.deepcopy(D)
    opt = lambda m: torch.optim.SGD(m.parameters(), lr=0.1)  # noqa: E731
    og, od, og2, od2 = opt(G), opt(D), opt(G2), opt(D2)
    real, z = torch.randn(6, 2), torch.randn(6, 2)
    for _ in range(2):
        d_loss, g_loss = gan_step(G, D, og, od, real, z)
        fake = G2(z).detach()
        ld = (F.binary_cross_entropy_with_logits(D2(real), torch.ones(6, 1))
              + F.binary_cross_entropy_with_logits(D2(fake), torch.zeros(6, 1)))
        od2.zero_grad()
        ld.backward()
        od2.step()
        lg = F.binary_cross_entropy_with_logits(D2(G2(z)), torch.ones(6, 1))
        og2.zero_grad()
        lg.backward()
        og2.step()
        assert d_loss == pytest.approx(ld.item(), rel=1e-6) and g_loss == pytest.approx(lg.item(), rel=1e-6)
    for a, b in zip([*G.parameters(), *D.parameters()], [*G2.parameters(), *D2.parameters()]):
        torch.testing.assert_close(a, b)


def test_train_gan_records_snapshots_and_continues_a_run():
    torch.manual_seed(0)
    X, _ = make_ring(500, std=0.1, seed=0)
    G, D = Generator2d(2, (16,)), Discriminator2d(2, (16,))
    og, od = torch.optim.Adam(G.parameters(), 1e-3), torch.optim.Adam(D.parameters(), 1e-3)
    grid = (np.linspace(-3, 3, 7), np.linspace(-3, 3, 5))
    run = train_gan(G, D, og, od, X, steps=20, batch_size=32, snapshot_every=10, n_samples=50, grid=grid, progress=False)
    assert [s.step for s in run.snapshots] == [0, 10, 20] and run.steps == 20
    assert run.snapshots[-1].samples.shape == (50, 2) and run.snapshots[-1].d_grid.shape == (5, 7)
    assert ((run.snapshots[-1].d_grid > 0) & (run.snapshots[-1].d_grid < 1)).all()
    with torch.no_grad():
        z = torch.randn(50, 2, generator=torch.Generator().manual_seed(0))
        np.testing.assert_allclose(run.snapshots[-1].samples, G(z).numpy(), rtol=1e-5, atol=1e-6)
    d_before = [p.detach().clone() for p in D.parameters()]
    run = train_gan(G, D, og, od, X, steps=10, snapshot_every=10, n_samples=50, train_d=False, run=run, progress=False)
    assert run.steps == 30 and run.snapshots[-1].step == 30
    for a, b in zip(D.parameters(), d_before):
        torch.testing.assert_close(a, b)  # frozen discriminator
    with pytest.raises(ValueError, match="steps must be a positive integer, got 0"):
        train_gan(G, D, og, od, X, steps=0)


def test_make_ring_and_mode_coverage():
    X, centers = make_ring(4000, n_modes=8, std=0.05, seed=1)
    np.testing.assert_allclose(centers, ring_centers(8, 2.0))
    np.testing.assert_allclose(np.linalg.norm(centers, axis=1), 2.0)
    assert mode_coverage(X, centers, 0.05) == (8, pytest.approx(np.mean(
        np.min(np.linalg.norm(X[:, None] - centers[None], axis=2), axis=1) < 0.15)))
    assert mode_coverage(X, centers, 0.05)[1] > 0.98  # 3 std in 2-D holds about 98.9% of a Gaussian
    one_mode = np.repeat(centers[:1], 100, axis=0)
    assert mode_coverage(one_mode, centers, 0.05) == (1, 1.0)
    stray = np.vstack([one_mode, centers[3:4]])  # 1 sample of 101 is under 1%
    assert mode_coverage(stray, centers, 0.05)[0] == 1
    assert mode_coverage(np.zeros((10, 2)), centers, 0.05) == (0, 0.0)
    with pytest.raises(ValueError, match="share D"):
        mode_coverage(np.zeros((3, 3)), centers, 0.1)
    with pytest.raises(ValueError, match="std"):
        make_ring(10, std=0.0)
