"""DP-SGD samples as its accountant assumes: Poisson batches, against Opacus's sampler and optimizer."""

from __future__ import annotations

import copy
import math
import warnings

import numpy as np
import pytest
import torch
from opacus import GradSampleModule
from opacus.accountants import RDPAccountant as OpacusAccountant
from opacus.optimizers import DPOptimizer
from opacus.utils.uniform_sampler import UniformWithReplacementSampler

from labkit.ethics.privacy import DPSGD, PoissonSampler, compute_epsilon, fit_dpsgd


def test_batches_are_poisson_mean_size_q_n_and_sizes_vary():
    n, q, steps = 400, 0.1, 2000
    sampler = PoissonSampler(n, q, steps, generator=torch.Generator().manual_seed(0))
    sizes = np.array([len(idx) for idx in sampler])
    assert len(sizes) == steps == len(sampler)
    assert sizes.mean() == pytest.approx(q * n, abs=4 * math.sqrt(q * (1 - q) * n / steps))  # 4 standard errors
    assert sizes.var() == pytest.approx(q * (1 - q) * n, rel=0.15)  # Binomial(N, q): sizes vary, not fixed
    assert len(set(sizes.tolist())) > 10
    assert sampler.expected_batch_size == pytest.approx(q * n)


def test_each_example_is_drawn_independently_at_rate_q():
    n, q, steps = 50, 0.2, 4000
    counts = torch.zeros(n)
    pair = 0
    for idx in PoissonSampler(n, q, steps, generator=torch.Generator().manual_seed(1)):
        assert torch.equal(idx, torch.unique(idx))  # no repeats within a batch, sorted
        counts[idx] += 1
        pair += int(0 in idx.tolist() and 1 in idx.tolist())
    rates = counts / steps
    assert torch.all((rates - q).abs() < 5 * math.sqrt(q * (1 - q) / steps))
    assert pair / steps == pytest.approx(q * q, abs=5 * math.sqrt(q * q / steps))  # independent examples


def test_batches_equal_opacus_uniform_with_replacement_sampler():
    ours = PoissonSampler(300, 0.05, 25, generator=torch.Generator().manual_seed(7))
    theirs = UniformWithReplacementSampler(num_samples=300, sample_rate=0.05, steps=25,
                                           generator=torch.Generator().manual_seed(7))
    for a, b in zip(ours, theirs, strict=True):
        assert a.tolist() == b
    assert len(PoissonSampler(300, 0.05)) == 20  # default: one expected epoch


def test_empty_batch_step_adds_noise_alone():
    model = torch.nn.Linear(3, 2).double()
    start = [p.detach().clone() for p in model.parameters()]
    optimizer = DPSGD(model, lr=1.0, noise_multiplier=2.0, max_grad_norm=0.5, expected_batch_size=4, seed=0)
    optimizer.zero_grad()
    optimizer.backward(torch.nn.CrossEntropyLoss(), torch.zeros(0, 3, dtype=torch.float64), torch.zeros(0, dtype=torch.long))
    optimizer.step()
    moved = torch.cat([(p - s).flatten() for p, s in zip(model.parameters(), start)])
    assert moved.abs().min() > 0 and optimizer.steps_ == 1 and optimizer.grad_norms_.shape == (0,)


def _poisson_step_pair(noise_multiplier, seed):
    """One step on the same Poisson batch with labkit's DPSGD and with Opacus's DPOptimizer."""
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(20, 30), torch.nn.Tanh(), torch.nn.Linear(30, 5)).double()
    x = torch.randn(80, 20, dtype=torch.float64) * 3
    y = torch.randint(0, 5, (80,))
    idx = next(iter(PoissonSampler(80, 0.25, 1, generator=torch.Generator().manual_seed(seed))))
    loss_fn = torch.nn.CrossEntropyLoss()
    reference_model = GradSampleModule(copy.deepcopy(model), loss_reduction="mean")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = DPOptimizer(torch.optim.SGD(reference_model.parameters(), lr=1.0), noise_multiplier=noise_multiplier,
                                max_grad_norm=0.3, expected_batch_size=20)
        reference.zero_grad()
        loss_fn(reference_model(x[idx]), y[idx]).backward()
        reference.step()
    ours = copy.deepcopy(model)
    optimizer = DPSGD(ours, lr=1.0, noise_multiplier=noise_multiplier, max_grad_norm=0.3, expected_batch_size=20, seed=seed)
    optimizer.zero_grad()
    optimizer.backward(loss_fn, x[idx], y[idx])
    optimizer.step()
    flat = lambda m: torch.cat([p.detach().flatten() for p in m.parameters()])
    return flat(model), flat(ours), flat(reference_model._module), len(idx)


def test_poisson_batch_step_equals_opacus_and_noise_has_its_scale():
    start, ours, theirs, size = _poisson_step_pair(0.0, seed=3)
    assert size != 20  # the batch is not the expected size, and both divide by 20 all the same
    torch.testing.assert_close(ours, theirs)
    start, ours_noisy, theirs_noisy, _ = _poisson_step_pair(1.5, seed=3)
    expected_std = 1.5 * 0.3 / 20
    assert (ours_noisy - ours).std().item() == pytest.approx(expected_std, rel=0.1)
    assert (theirs_noisy - theirs).std().item() == pytest.approx(expected_std, rel=0.1)


def test_fit_dpsgd_samples_poisson_and_its_epsilon_is_opacus_accountants():
    torch.manual_seed(0)
    x = torch.randn(200, 2)
    y = (x[:, 0] > 0).long()
    model = torch.nn.Linear(2, 2)
    optimizer = fit_dpsgd(model, torch.nn.CrossEntropyLoss(), x, y, expected_batch_size=50, steps=40, lr=0.5,
                          noise_multiplier=1.0, max_grad_norm=1.0, seed=0)
    sizes = optimizer.batch_sizes_
    assert len(sizes) == optimizer.steps_ == 40 and len(set(sizes)) > 5
    assert abs(np.mean(sizes) - 50) < 4 * math.sqrt(0.25 * 0.75 * 200 / 40)
    theirs = OpacusAccountant()
    theirs.history = [(1.0, 0.25, 40)]
    assert optimizer.epsilon(1e-5, 200) == pytest.approx(theirs.get_epsilon(1e-5), rel=0.01)
    again = fit_dpsgd(torch.nn.Linear(2, 2), torch.nn.CrossEntropyLoss(), x, y, expected_batch_size=50, steps=40,
                      lr=0.5, noise_multiplier=1.0, max_grad_norm=1.0, seed=0)
    assert again.batch_sizes_ == sizes


@pytest.mark.parametrize("noise_multiplier", [0.5, 1.0, 2.0, 4.0])
def test_lesson_settings_epsilon_matches_opacus(noise_multiplier):
    theirs = OpacusAccountant()
    theirs.history = [(noise_multiplier, 0.25, 120)]
    assert compute_epsilon(noise_multiplier, 0.25, 120, 1e-5) == pytest.approx(theirs.get_epsilon(1e-5), rel=0.01)


def test_bad_settings_are_rejected():
    with pytest.raises(ValueError, match=r"sample_rate should be in \(0, 1\]"):
        PoissonSampler(10, 0.0)
    with pytest.raises(ValueError, match="num_samples"):
        PoissonSampler(0, 0.5)
    with pytest.raises(ValueError, match="steps"):
        PoissonSampler(10, 0.5, steps=-1)
