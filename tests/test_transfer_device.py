"""Lesson 16 and labkit.transfer on a GPU, pretended on this CPU machine.

The lesson's pretrained network lives on ``cuda`` when a GPU is present. A new head built with
``nn.Linear(...)`` lives on the CPU until it is moved, so a solution that forgets to move it fails
on the first forward pass on a GPU, and nowhere else. ``fake_cuda`` reproduces that on a CPU:
``LABKIT_DEVICE=cuda``; ``.to("cuda")`` on a module or tensor labels it "cuda" (nothing moves);
``tensor.device`` reads the label; every torch operation refuses tensors with different labels
(a 0-dim CPU tensor may mix, as in PyTorch) and labels its result; ``.numpy()`` of a "cuda" tensor
fails, as it does on a GPU.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import numpy as np
import pytest
import torch
from torch import nn
from torch.overrides import TorchFunctionMode
from torch.utils._pytree import tree_flatten

import labkit
from labkit import transfer
from labkit.models import CNN1d

LESSON = Path(__file__).resolve().parents[1] / "notebooks" / "16_transfer_learning" / "16_transfer_learning.ipynb"
LABEL = "_fake_cuda"


def _is_cuda(t) -> bool:
    return isinstance(t, torch.Tensor) and getattr(t, LABEL, False)


def _asks_cuda(value) -> bool:
    return isinstance(value, (str, torch.device)) and torch.device(value).type == "cuda"


def _label(out):
    for t in tree_flatten(out)[0]:
        if isinstance(t, torch.Tensor):
            setattr(t, LABEL, True)
    return out


class _FakeCuda(TorchFunctionMode):
    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = dict(kwargs or {})
        owner = getattr(func, "__self__", None)
        if owner is torch._C.TensorBase.device and getattr(func, "__name__", "") == "__get__":
            return torch.device("cuda", 0) if _is_cuda(args[0]) else func(*args, **kwargs)
        if owner is torch._C.TensorBase.is_cuda and getattr(func, "__name__", "") == "__get__":
            return _is_cuda(args[0])
        if owner is torch._C.TensorBase.grad and getattr(func, "__name__", "") == "__get__":
            grad = func(*args, **kwargs)
            return _label(grad) if grad is not None and _is_cuda(args[0]) else grad
        name = getattr(func, "__name__", "")
        if name == "numpy" and _is_cuda(args[0]):
            raise TypeError("can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor "
                            "to host memory first.")
        if name in ("to", "cuda", "cpu") and isinstance(args[0], torch.Tensor):
            return self._move(func, name, args, kwargs)
        if name in ("copy_", "__deepcopy__", "__reduce_ex__", "__setstate__"):
            out = func(*args, **kwargs)
            return _label(out) if name != "copy_" and _is_cuda(args[0]) else out
        to_cuda = _asks_cuda(kwargs.get("device"))
        if to_cuda:
            kwargs["device"] = "cpu"
        tensors = [t for t in tree_flatten((args, kwargs))[0] if isinstance(t, torch.Tensor)]
        devices = {"cuda" if _is_cuda(t) else "cpu" for t in tensors if _is_cuda(t) or t.dim() > 0}
        if len(devices) > 1:
            raise RuntimeError(f"Expected all tensors to be on the same device, but found at least two devices, "
                               f"cuda:0 and cpu! (in {getattr(func, '__qualname__', func)})")
        out = func(*args, **kwargs)
        return _label(out) if to_cuda or devices == {"cuda"} else out

    @staticmethod
    def _move(func, name, args, kwargs):
        self, rest = args[0], list(args[1:])
        if name == "cuda":
            target = "cuda"
        elif name == "cpu":
            target = "cpu"
        else:
            target = None
            for i, value in enumerate(rest):
                if isinstance(value, torch.Tensor):
                    target = "cuda" if _is_cuda(value) else "cpu"
                    rest[i] = value.dtype
                elif isinstance(value, (str, torch.device)):
                    target = torch.device(value).type
                    rest[i] = "cpu"
            if kwargs.get("device") is not None:
                target = torch.device(kwargs["device"]).type
                kwargs["device"] = "cpu"
        if name in ("cuda", "cpu"):
            out = self.view_as(self)
        else:
            out = func(self, *rest, **kwargs)
            if out is self and target is not None and target != ("cuda" if _is_cuda(self) else "cpu"):
                out = self.view_as(self)
        if target == "cuda" or (target is None and _is_cuda(self)):
            return _label(out)
        if out is not self and hasattr(out, LABEL):
            delattr(out, LABEL)
        return out


@pytest.fixture
def fake_cuda(monkeypatch):
    """A CPU machine that pretends to have a GPU (see the module's docstring)."""
    monkeypatch.setenv("LABKIT_DEVICE", "cuda")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    module_to = nn.Module.to

    def fake_module_to(self, *args, **kwargs):
        asked = [a for a in (*args, kwargs.get("device")) if isinstance(a, (str, torch.device))]
        if not asked:
            return module_to(self, *args, **kwargs)
        cuda = torch.device(asked[0]).type == "cuda"
        for t in [*self.parameters(), *self.buffers()]:
            if cuda:
                setattr(t, LABEL, True)
            elif hasattr(t, LABEL):
                delattr(t, LABEL)
        return self

    parameter_deepcopy = nn.Parameter.__deepcopy__

    def fake_parameter_deepcopy(self, memo):  # a copy of a "cuda" parameter is on "cuda" too
        copied = parameter_deepcopy(self, memo)
        return _label(copied) if _is_cuda(self) else copied

    monkeypatch.setattr(nn.Module, "to", fake_module_to)
    monkeypatch.setattr(nn.Parameter, "__deepcopy__", fake_parameter_deepcopy)
    monkeypatch.setattr(nn.Module, "cuda", lambda self, device=None: fake_module_to(self, "cuda"))
    with _FakeCuda():
        yield


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
