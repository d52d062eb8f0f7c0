"""tests/fake_cuda.py, the pretended GPU the browser run of the lessons uses: it must catch what a
GPU catches, let through what a GPU lets through, and leave no trace once undone."""

from __future__ import annotations

import os

import numpy as np
import pytest
import torch
from torch import nn

import fake_cuda
import labkit
from labkit.checks import own_work
from labkit.exercises.allowlist import ShortcutUsed
from labkit.train import fit


@pytest.fixture
def gpu():
    undo = fake_cuda.install()
    try:
        yield
    finally:
        undo()


def test_a_cpu_batch_into_a_gpu_model_fails_as_on_a_gpu(gpu):
    assert labkit.default_device() == "cuda" and torch.cuda.is_available()
    model = nn.Linear(3, 2).to(labkit.default_device())
    assert model.weight.device.type == "cuda"
    with pytest.raises(RuntimeError, match="same device"):
        model(torch.randn(4, 3))
    out = model(torch.randn(4, 3).to("cuda"))
    assert out.device.type == "cuda"
    with pytest.raises(TypeError, match="numpy"):
        out.detach().numpy()
    assert out.detach().cpu().numpy().shape == (4, 2)


def test_what_a_gpu_allows_is_allowed(gpu):
    x = torch.arange(6.0).to("cuda")
    assert x[torch.tensor([0, 2])].device.type == "cuda"  # a CPU index into a GPU tensor
    assert (x * torch.tensor(2.0)).device.type == "cuda"  # a 0-dim CPU tensor mixes
    assert torch.zeros(2, device="cuda").device.type == "cuda"
    meta = nn.Linear(2, 2).to("meta")  # other devices really move
    assert meta.weight.device.type == "meta"
    generator = torch.Generator(device="cuda")
    generator.manual_seed(0)
    assert isinstance(generator, torch.Generator) and type(generator) is torch._C.Generator
    torch.cuda.synchronize()


def test_labkit_fit_trains_a_model_on_the_pretended_gpu(gpu):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((32, 3)).astype(np.float32)
    y = (X[:, 0] > 0).astype(np.int64)
    model = nn.Linear(3, 2)
    history = fit(model, (X, y), epochs=2, batch_size=8)
    assert str(history.params["device"]).startswith("cuda") and len(history.history["loss"]) == 2
    assert next(model.parameters()).device.type == "cpu"  # back on the device it came on
    on_gpu = nn.Linear(3, 2).to("cuda")
    fit(on_gpu, (X, y), epochs=1, batch_size=8)
    assert next(on_gpu.parameters()).device.type == "cuda"


def test_the_allowlist_judges_the_learner_not_the_pretended_gpu(gpu):
    """The pretended GPU calls torch on a tensor's behalf; an exercise's allow-list must not see those calls."""
    def score(w, x):
        return torch.matmul(x, w).sum()

    judged = own_work(score, asks_for="a score", allow=["torch.matmul", "torch.sum", "torch.Tensor.sum"])
    w, x = torch.randn(3, 1).to("cuda"), torch.randn(4, 3).to("cuda")
    assert judged(w, x).device.type == "cuda"

    def shortcut(w, x):
        return nn.functional.linear(x, w.T).sum()

    with pytest.raises(ShortcutUsed):
        own_work(shortcut, asks_for="a score", allow=["torch.matmul", "torch.sum", "torch.Tensor.sum"])(w, x)

    def noise(n, generator):  # lesson 20's noisy_mean draws with a generator the check made
        return torch.randn(n, generator=generator)

    drawn = own_work(noise, asks_for="noise", allow=["torch.randn"])(3, torch.Generator().manual_seed(0))
    assert drawn.shape == (3,)


def test_undo_puts_everything_back():
    before = (torch.cuda.is_available(), nn.Module.to, nn.Module.cpu, torch.Generator, os.environ.get("LABKIT_DEVICE"))
    fake_cuda.install()()
    assert (torch.cuda.is_available(), nn.Module.to, nn.Module.cpu, torch.Generator,
            os.environ.get("LABKIT_DEVICE")) == before
    assert torch.randn(2).device.type == "cpu" and nn.Linear(2, 2).to("cpu").weight.device.type == "cpu"
