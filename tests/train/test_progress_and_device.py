"""The progress bar stays quiet in CI, the live plot only draws in notebooks, devices are chosen sensibly."""

from __future__ import annotations

import pytest
import torch
from train_helpers import blobs, torch_mlp

import labkit
from labkit.train import LivePlot, fit, progress, progress_enabled
from labkit.train import live_plot as live_plot_module
from labkit.train.engines import resolve_device

DATA = blobs(40)


@pytest.fixture
def interactive(monkeypatch):
    """Pretend a person watches a terminal, with neither CI nor TQDM_DISABLE set."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TQDM_DISABLE", raising=False)
    monkeypatch.setattr(progress, "_is_interactive", lambda: True)


def test_bar_shows_when_interactive(interactive, capsys):
    fit(torch_mlp(), DATA, epochs=2)
    assert "epochs" in capsys.readouterr().err


@pytest.mark.parametrize("variable", ["CI", "TQDM_DISABLE"])
def test_bar_is_quiet_under_ci_or_tqdm_disable(interactive, monkeypatch, capsys, variable):
    monkeypatch.setenv(variable, "true")
    fit(torch_mlp(), DATA, epochs=2)
    assert capsys.readouterr().err == ""


def test_explicit_progress_wins(interactive, monkeypatch, capsys):
    fit(torch_mlp(), DATA, epochs=2, progress=False)
    assert capsys.readouterr().err == ""
    monkeypatch.setenv("CI", "true")
    fit(torch_mlp(), DATA, epochs=2, progress=True)
    assert "epochs" in capsys.readouterr().err


def test_decision_rules(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TQDM_DISABLE", raising=False)
    monkeypatch.setattr(progress, "_is_interactive", lambda: False)
    assert progress_enabled(None) is False  # a log file or a pipe
    monkeypatch.setattr(progress, "_is_interactive", lambda: True)
    assert progress_enabled(None) is True
    monkeypatch.setenv("CI", "false")
    assert progress_enabled(None) is True
    monkeypatch.setenv("CI", "1")
    assert progress_enabled(None) is False


def test_live_plot_is_a_no_op_outside_a_notebook(capsys):
    plot = LivePlot()
    fit(torch_mlp(), DATA, DATA, epochs=2, callbacks=[plot])
    assert plot.active_ is False and plot.updates_ == 0
    assert capsys.readouterr().out == ""


def test_live_plot_updates_one_output_per_epoch(monkeypatch):
    calls = []

    class Handle:
        def update(self, image):
            calls.append(("update", image))

    def fake_display(image, display_id=False):
        calls.append(("display", image))
        return Handle()

    import IPython.display

    monkeypatch.setattr(IPython.display, "display", fake_display)
    monkeypatch.setattr(live_plot_module, "in_notebook", lambda: True)
    fit(torch_mlp(), DATA, DATA, epochs=3, live_plot=True)
    assert [kind for kind, _ in calls] == ["display", "update", "update"]
    assert all(image.data[:8] == b"\x89PNG\r\n\x1a\n" for _, image in calls)


def test_device_follows_default_device(monkeypatch):
    history = fit(torch_mlp(), DATA, epochs=1)
    assert history.params["device"] == labkit.default_device()
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert resolve_device(None) == "cuda"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert resolve_device(None) == "cpu"
    with pytest.raises(ValueError, match="torch.cuda.is_available"):
        resolve_device("cuda")
    assert resolve_device("cpu") == "cpu"


def test_model_and_batches_live_on_the_chosen_device():
    model = torch_mlp()
    fit(model, DATA, epochs=1, device="cpu")
    assert all(p.device.type == "cpu" for p in model.parameters())


@pytest.fixture
def pretend_gpu(monkeypatch):
    """A CPU machine that pretends to have a GPU, selected through labkit's device setting.

    ``LABKIT_DEVICE=cuda`` makes ``labkit.default_device()`` answer "cuda"; ``.to("cuda")`` on a
    module or tensor only labels it "cuda" (nothing moves), and a forward pass with a module and an
    input on different labels fails as PyTorch does on a real GPU.
    """
    monkeypatch.setenv("LABKIT_DEVICE", "cuda")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    tensor_to, module_to = torch.Tensor.to, torch.nn.Module.to

    def device_asked(args, kwargs):
        for arg in (*args, kwargs.get("device")):
            if isinstance(arg, (str, torch.device)):
                return torch.device(arg).type
        return None

    def fake_tensor_to(self, *args, **kwargs):
        if device_asked(args, kwargs) != "cuda":
            return tensor_to(self, *args, **kwargs)
        out = self.view_as(self)
        out.fake_device = "cuda"
        return out

    def fake_module_to(self, *args, **kwargs):
        asked = device_asked(args, kwargs)
        if asked is None:
            return module_to(self, *args, **kwargs)
        for module in self.modules():
            module.fake_device = asked
        return self

    def same_device(module, inputs):
        for x in inputs:
            if isinstance(x, torch.Tensor) and getattr(x, "fake_device", "cpu") != getattr(module, "fake_device", "cpu"):
                raise RuntimeError("Expected all tensors to be on the same device, but found at least two devices")

    monkeypatch.setattr(torch.Tensor, "to", fake_tensor_to)
    monkeypatch.setattr(torch.nn.Module, "to", fake_module_to)
    handles = []
    yield lambda model: handles.append(model.register_forward_pre_hook(same_device))
    for handle in handles:
        handle.remove()


def test_the_device_setting_selects_the_device(monkeypatch):
    monkeypatch.setenv("LABKIT_DEVICE", "cpu")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert labkit.default_device() == "cpu" and resolve_device(None) == "cpu"
    monkeypatch.setenv("LABKIT_DEVICE", "cuda")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(ValueError, match="LABKIT_DEVICE"):
        fit(torch_mlp(), DATA, epochs=1)


def test_fit_trains_on_the_gpu_and_hands_the_model_back_where_it_was(pretend_gpu):
    """Lessons 17 and 18: build on the CPU, fit, then call the model on CPU tensors."""
    model = torch_mlp()
    pretend_gpu(model)
    history = fit(model, DATA, DATA, epochs=2, progress=False)
    assert history.params["device"] == "cuda"  # the batches went to the model on the "GPU"
    assert getattr(model, "fake_device", "cpu") == "cpu", "fit must hand the model back on the device it came on"
    model(torch.as_tensor(DATA[0]))  # the lesson's next line: a CPU tensor into the trained model

