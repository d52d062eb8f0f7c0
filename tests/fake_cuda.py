"""A CPU machine that pretends to have a GPU, to test device handling where no GPU is lent.

``install()`` sets ``LABKIT_DEVICE=cuda`` and makes ``torch.cuda.is_available()`` true;
``.to("cuda")`` on a module or tensor labels it "cuda" (nothing moves); ``tensor.device`` reads the
label; every torch operation refuses tensors with different labels (a 0-dim CPU tensor may mix, as
in PyTorch) and labels its result; ``.numpy()`` of a "cuda" tensor fails, as it does on a GPU. So
code that forgets to move a tensor or a new layer to the model's device fails here as it would on
a GPU, and nowhere else. ``install()`` returns the function that undoes it.

Used by tests/test_transfer_device.py (lesson 16 and labkit.transfer) and by
tests/test_lessons_on_fake_gpu.py, which runs every lesson that uses torch in a kernel where this
is installed first.
"""

from __future__ import annotations

import os

import torch
from torch import nn
from torch.overrides import TorchFunctionMode

LABEL = "_fake_cuda"


def _is_cuda(t) -> bool:
    return isinstance(t, torch.Tensor) and getattr(t, LABEL, False)


def _asks_cuda(value) -> bool:
    return isinstance(value, (str, torch.device)) and torch.device(value).type == "cuda"


def _tensors(obj, found: list) -> list:
    """The tensors in ``obj`` and in the lists, tuples and dicts inside it (torch's own
    tree_flatten does the same, slower: this runs on every torch operation)."""
    if isinstance(obj, torch.Tensor):
        found.append(obj)
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            _tensors(item, found)
    elif isinstance(obj, dict):
        for item in obj.values():
            _tensors(item, found)
    return found


def _label(out):
    for t in _tensors(out, []):
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
        tensors = _tensors(kwargs, _tensors(args, []))
        if name == "__getitem__" and _is_cuda(args[0]):  # CPU index tensors may index a GPU tensor
            tensors = [args[0]]
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
                    if target == "cuda":
                        rest[i] = "cpu"
            if kwargs.get("device") is not None:
                target = torch.device(kwargs["device"]).type
                if target == "cuda":
                    kwargs["device"] = "cpu"
        if name in ("cuda", "cpu"):
            out = self.view_as(self)
        else:
            out = func(self, *rest, **kwargs)
            if out is self and target in ("cuda", "cpu") and target != ("cuda" if _is_cuda(self) else "cpu"):
                out = self.view_as(self)
        if target == "cuda" or (target is None and _is_cuda(self)):
            return _label(out)
        if out is not self and hasattr(out, LABEL):
            delattr(out, LABEL)
        return out


def _invisible_to_the_allowlist() -> None:
    """This module pretends to be the GPU, not the learner: an exercise's allow-list
    (labkit.exercises.allowlist) must not judge the torch calls it makes on a tensor's behalf.
    The allow-list treats its own file that way; this file is added beside it."""
    from labkit.exercises import allowlist

    allowlist._WATCH_FILES.add(os.path.realpath(__file__))
    allowlist._package_of.cache_clear()


def install():
    """Pretend to have a GPU from now on (see the module's docstring); returns the undo function."""
    saved_env = os.environ.get("LABKIT_DEVICE")
    saved = {(torch.cuda, "is_available"): torch.cuda.is_available,
             (nn.Module, "to"): nn.Module.to,
             (nn.Module, "cuda"): nn.Module.cuda,
             (nn.Module, "cpu"): nn.Module.cpu,
             (nn.Parameter, "__deepcopy__"): nn.Parameter.__deepcopy__,
             (torch, "Generator"): torch.Generator,
             (torch.cuda, "synchronize"): torch.cuda.synchronize,
             (torch.cuda, "device_count"): torch.cuda.device_count,
             (torch.cuda, "get_device_name"): torch.cuda.get_device_name}
    module_to = nn.Module.to
    parameter_deepcopy = nn.Parameter.__deepcopy__

    def fake_module_to(self, *args, **kwargs):
        asked = [a for a in (*args, kwargs.get("device")) if isinstance(a, (str, torch.device))]
        if not asked:
            return module_to(self, *args, **kwargs)
        kind = torch.device(asked[0]).type
        if kind not in ("cuda", "cpu"):  # "meta" and the rest: really move
            return module_to(self, *args, **kwargs)
        cuda = kind == "cuda"
        for t in [*self.parameters(), *self.buffers()]:
            if cuda:
                setattr(t, LABEL, True)
            elif hasattr(t, LABEL):
                delattr(t, LABEL)
        return self

    def fake_parameter_deepcopy(self, memo):  # a copy of a "cuda" parameter is on "cuda" too
        copied = parameter_deepcopy(self, memo)
        return _label(copied) if _is_cuda(self) else copied

    real_generator = torch.Generator

    class PretendGeneratorType(type(real_generator)):
        """isinstance(g, torch.Generator) stays true of real generators, in code of this file
        (invisible to the allow-lists, as torch's own type check in Python would not be)."""

        def __instancecheck__(cls, obj):
            return isinstance(obj, real_generator)

        def __subclasscheck__(cls, sub):
            return issubclass(sub, real_generator)

    class PretendGenerator(real_generator, metaclass=PretendGeneratorType):
        """torch.Generator(device="cuda") needs CUDA's library: a CPU generator stands in. What it
        makes is a plain torch.Generator, so torch's argument parser takes it as it is."""

        def __new__(cls, device="cpu"):
            return real_generator("cpu" if torch.device(device).type == "cuda" else device)

    os.environ["LABKIT_DEVICE"] = "cuda"
    torch.Generator = PretendGenerator
    torch.cuda.is_available = lambda: True
    torch.cuda.synchronize = lambda device=None: None  # nothing runs asynchronously here
    torch.cuda.device_count = lambda: 1
    torch.cuda.get_device_name = lambda device=None: "a pretended GPU (tests/fake_cuda.py)"
    nn.Module.to = fake_module_to
    nn.Module.cuda = lambda self, device=None: fake_module_to(self, "cuda")
    nn.Module.cpu = lambda self: fake_module_to(self, "cpu")
    nn.Parameter.__deepcopy__ = fake_parameter_deepcopy
    mode = _FakeCuda()
    mode.__enter__()
    _invisible_to_the_allowlist()

    def uninstall():
        mode.__exit__(None, None, None)
        for (owner, name), value in saved.items():
            setattr(owner, name, value)
        if saved_env is None:
            os.environ.pop("LABKIT_DEVICE", None)
        else:
            os.environ["LABKIT_DEVICE"] = saved_env

    return uninstall
