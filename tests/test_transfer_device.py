"""Lesson 16 and labkit.transfer on a GPU, pretended on this CPU machine (tests/fake_cuda.py).

The lesson's pretrained network lives on ``cuda`` when a GPU is present. A new head built with
``nn.Linear(...)`` lives on the CPU until it is moved, so a solution that forgets to move it fails
on the first forward pass on a GPU, and nowhere else. ``fake_cuda`` reproduces that on a CPU.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import numpy as np
import pytest
import torch
from torch import nn

import fake_cuda as fake
import labkit
from labkit import transfer
from labkit.models import CNN1d

LESSON = Path(__file__).resolve().parents[1] / "notebooks" / "16_transfer_learning" / "16_transfer_learning.ipynb"


@pytest.fixture
def fake_cuda():
    """A CPU machine that pretends to have a GPU (tests/fake_cuda.py)."""
    uninstall = fake.install()
    try:
        yield
    finally:
        uninstall()


def lesson_solutions(*grade_ids: str) -> dict:
    """The lesson's solution functions (cells with these grade_ids), defined with the lesson's imports."""
    namespace = {"copy": copy, "np": np, "torch": torch, "nn": nn, "extract_features": transfer.extract_features}
    cells = {c["metadata"].get("nbgrader", {}).get("grade_id"): "".join(c["source"])
             for c in json.loads(LESSON.read_text())["cells"]}
    for grade_id in grade_ids:
        exec(compile(cells[grade_id], f"lesson 16, {grade_id}", "exec"), namespace)
    return namespace


def digits(n: int = 30, seed: int = 0):
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 3
    X = (np.sin(np.linspace(0, 6, 40))[None] * (y[:, None] + 1) + 0.3 * rng.standard_normal((n, 40))).astype(np.float32)
    return X, y


def cuda_network():
    torch.manual_seed(0)
    return CNN1d(n_classes=5).to(labkit.default_device())


def old_replace_head(model, n_classes):
    """The lesson's solution before issue 22: the new head is built on the CPU and left there."""
    model.head = nn.Linear(model.head.in_features, n_classes)
    return model


def test_the_fake_gpu_catches_a_head_left_on_the_cpu(fake_cuda):
    """The check below fails on the old solution, so it can fail."""
    model = old_replace_head(cuda_network(), 3)
    assert next(model.features.parameters()).device.type == "cuda" and model.head.weight.device.type == "cpu"
    with pytest.raises(RuntimeError, match="same device"):
        model(torch.randn(2, 40).to("cuda"))
    with pytest.raises(TypeError, match="numpy"):
        cuda_network()(torch.randn(2, 40).to("cuda")).numpy()


def test_lesson_replace_head_puts_the_head_on_the_bodys_device(fake_cuda):
    replace_head = lesson_solutions("replace_head")["replace_head"]
    model = replace_head(cuda_network(), 3)
    assert model.head.weight.device.type == "cuda" and model.head.bias.device.type == "cuda"
    assert model(torch.randn(2, 40).to("cuda")).shape == (2, 3)
    cpu_model = replace_head(CNN1d(n_classes=5), 3)  # and on a CPU it stays there
    assert cpu_model.head.weight.device.type == "cpu" and cpu_model(torch.randn(2, 40)).shape == (2, 3)


def test_lesson_linear_probe_trains_on_a_gpu_body(fake_cuda):
    solutions = lesson_solutions("freeze", "replace_head", "linear_probe")
    X, y = digits()
    pretrained = cuda_network()
    probe = solutions["linear_probe"](pretrained, X, y, 3)
    assert probe.head.weight.device.type == "cuda"
    scores = probe(torch.as_tensor(X).to("cuda"))
    assert scores.shape == (30, 3) and scores.device.type == "cuda"
    assert probe.to("cpu")(torch.as_tensor(X)).argmax(1).numpy().shape == (30,)  # the test cell's route


def test_labkit_transfer_keeps_everything_on_the_gpu(fake_cuda):
    X, y = digits()
    pretrained = cuda_network()
    model = transfer.replace_head(copy.deepcopy(pretrained), 3)
    assert model.head.weight.device.type == "cuda"
    assert transfer.extract_features(pretrained, X).shape == (30, 125)
    for trained in (transfer.linear_probe(pretrained, X, y, 3, steps=5), transfer.fine_tune(pretrained, X, y, 3, steps=5),
                    transfer.from_scratch(lambda: CNN1d(n_classes=3).to("cuda"), X, y, steps=5)):
        assert all(p.device.type == "cuda" for p in trained.parameters())
        assert trained(torch.as_tensor(X).to("cuda")).shape == (30, 3)
    results = transfer.compare_strategies(pretrained, lambda: CNN1d(n_classes=3).to("cuda"), X, y, X, y,
                                          labels_per_class=(2,), seeds=(0,), steps=3)
    assert set(results.accuracy) == set(transfer.STRATEGIES)
