"""DP-SGD: per-sample gradients, clipping, noise and the step, against a loop and against Opacus."""

from __future__ import annotations

import copy
import warnings

import pytest
import torch
from opacus import GradSampleModule
from opacus.optimizers import DPOptimizer

from labkit.ethics.privacy import DPSGD, clip_per_sample, compute_epsilon, per_sample_gradients


def small_model(seed: int = 0) -> torch.nn.Module:
    torch.manual_seed(seed)
    return torch.nn.Sequential(
        torch.nn.Conv1d(2, 3, 3), torch.nn.Tanh(), torch.nn.Flatten(), torch.nn.Linear(3 * 6, 4)
    ).double()


def batch(seed: int = 0, size: int = 7, scale: float = 1.0):
    generator = torch.Generator().manual_seed(seed)
    x = scale * torch.randn(size, 2, 8, generator=generator, dtype=torch.float64)
    return x, torch.randint(0, 4, (size,), generator=generator)


def test_per_sample_gradients_equal_a_loop_and_opacus():
    model, (x, y), loss_fn = small_model(), batch(), torch.nn.CrossEntropyLoss()
    gradients, losses = per_sample_gradients(model, loss_fn, x, y)
    for i in range(len(x)):  # one backward pass per example
        model.zero_grad()
        loss = loss_fn(model(x[i : i + 1]), y[i : i + 1])
        loss.backward()
        assert losses[i].item() == pytest.approx(loss.item())
        for name, p in model.named_parameters():
            torch.testing.assert_close(gradients[name][i], p.grad)

    reference = GradSampleModule(copy.deepcopy(model), loss_reduction="mean")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # torch: full backward hook without input gradients
        loss_fn(reference(x), y).backward()
    for name, p in reference._module.named_parameters():
        torch.testing.assert_close(gradients[name], p.grad_sample)


def test_clipping_bound_holds_and_small_gradients_are_untouched():
    model, loss_fn = small_model(1), torch.nn.CrossEntropyLoss()
    x, y = batch(1, size=16)
    x[::2] *= 50.0  # half the batch with large gradients
    gradients, _ = per_sample_gradients(model, loss_fn, x, y)
    norms_before = torch.sqrt(sum(g.flatten(1).pow(2).sum(1) for g in gradients.values()))
    middle = norms_before.sort().values[7:9]
    max_norm = float(middle.mean())  # between two examples' norms: 8 above the bound, 8 below
    clipped, norms = clip_per_sample(gradients, max_norm)
    torch.testing.assert_close(norms, norms_before)
    norms_after = torch.sqrt(sum(g.flatten(1).pow(2).sum(1) for g in clipped.values()))
    assert torch.all(norms_after <= max_norm)  # exactly: the factor is C / (norm + 1e-6)
    large = norms_before > max_norm
    assert large.any() and (~large).any()
    torch.testing.assert_close(  # C * norm / (norm + 1e-6): C up to a relative 1e-6
        norms_after[large], torch.full((int(large.sum()),), max_norm, dtype=torch.float64), rtol=1e-5, atol=0)
    for name in gradients:  # below the bound: unchanged, direction kept above it
        torch.testing.assert_close(clipped[name][~large], gradients[name][~large], rtol=0, atol=0)
        ratio = clipped[name][large].flatten(1) / gradients[name][large].flatten(1)
        torch.testing.assert_close(ratio, ratio[:, :1].expand_as(ratio))


@pytest.mark.parametrize("max_grad_norm", [0.05, 1.0, 100.0])
def test_noiseless_step_equals_opacus_dp_optimizer(max_grad_norm):
    model, (x, y), loss_fn = small_model(2), batch(2), torch.nn.CrossEntropyLoss()
    reference_model = GradSampleModule(copy.deepcopy(model), loss_reduction="mean")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = DPOptimizer(torch.optim.SGD(reference_model.parameters(), lr=0.3), noise_multiplier=0.0,
                                max_grad_norm=max_grad_norm, expected_batch_size=len(x))
        reference.zero_grad()
        loss_fn(reference_model(x), y).backward()
        reference.step()

    optimizer = DPSGD(model, lr=0.3, noise_multiplier=0.0, max_grad_norm=max_grad_norm, expected_batch_size=len(x))
    optimizer.zero_grad()
    optimizer.backward(loss_fn, x, y)
    optimizer.step()
    for (name, p), (_, q) in zip(model.named_parameters(), reference_model._module.named_parameters()):
        torch.testing.assert_close(p, q, msg=f"parameter {name} after one step")
        torch.testing.assert_close(p.grad, q.grad)


def test_noise_has_the_right_scale_and_is_seeded():
    torch.manual_seed(0)
    model = torch.nn.Linear(60, 50).double()  # 3050 parameters: enough to estimate a standard deviation
    x, y = torch.randn(8, 60, dtype=torch.float64), torch.randint(0, 50, (8,))
    loss_fn, lr, sigma, clip, batch_size = torch.nn.CrossEntropyLoss(), 0.5, 2.0, 1.5, 8

    def update(noise_multiplier, seed):
        copy_ = copy.deepcopy(model)
        start = torch.cat([p.detach().flatten() for p in copy_.parameters()])
        optimizer = DPSGD(copy_, lr, noise_multiplier, clip, batch_size, seed=seed)
        optimizer.zero_grad()
        optimizer.backward(loss_fn, x, y)
        optimizer.step()
        return torch.cat([p.detach().flatten() for p in copy_.parameters()]) - start

    noise = (update(sigma, seed=1) - update(0.0, seed=1)) / (-lr)  # the noise added to the averaged gradient
    expected_std = sigma * clip / batch_size
    assert noise.std().item() == pytest.approx(expected_std, rel=0.05)
    assert abs(noise.mean().item()) < 0.1 * expected_std
    torch.testing.assert_close(update(sigma, seed=3), update(sigma, seed=3))
    assert not torch.allclose(update(sigma, seed=3), update(sigma, seed=4))


def test_training_loop_reduces_the_loss_and_reports_epsilon():
    torch.manual_seed(0)
    x = torch.randn(256, 2)
    y = (x[:, 0] + x[:, 1] > 0).long()
    model = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.ReLU(), torch.nn.Linear(16, 2))
    optimizer = DPSGD(model, lr=0.5, noise_multiplier=1.0, max_grad_norm=1.0, expected_batch_size=64, seed=0)
    loss_fn = torch.nn.CrossEntropyLoss()
    first = loss_fn(model(x), y).item()
    for step in range(30):
        rows = torch.randperm(256)[:64]
        optimizer.zero_grad()
        optimizer.backward(loss_fn, x[rows], y[rows])
        optimizer.step()
    assert loss_fn(model(x), y).item() < 0.7 * first
    assert optimizer.steps_ == 30 and optimizer.grad_norms_.shape == (64,)
    assert optimizer.epsilon(1e-5, dataset_size=256) == pytest.approx(compute_epsilon(1.0, 0.25, 30, 1e-5))


def test_misuse_gives_clear_errors():
    with pytest.raises(ValueError, match="BatchNorm.*GroupNorm"):
        DPSGD(torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.BatchNorm1d(2)), 0.1, 1.0, 1.0, 8)
    optimizer = DPSGD(torch.nn.Linear(2, 2), 0.1, 1.0, 1.0, 8)
    with pytest.raises(RuntimeError, match=r"call optimizer.backward\(loss_fn, x, y\) first"):
        optimizer.step()
    with pytest.raises(ValueError, match="expected_batch_size"):
        DPSGD(torch.nn.Linear(2, 2), 0.1, 1.0, 1.0, 0)
    with pytest.raises(ValueError, match="dataset_size"):
        optimizer.epsilon(1e-5, dataset_size=4)
    with pytest.raises(ValueError, match=r"delta should be in \(0, 1\)"):
        optimizer.epsilon(1.0, dataset_size=100)
