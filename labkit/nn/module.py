"""Module: the base class of every layer, loss and network in labkit.nn.

A module computes ``forward(x)`` and keeps what it needs to compute
``backward(grad_out)``: the gradient of the loss with respect to its input,
given the gradient with respect to its output. Along the way backward fills the
``.grad`` of the module's parameters. The names mirror ``torch.nn.Module``.
"""

from __future__ import annotations

from typing import Iterator

import numpy as np

from labkit.errors import BackwardBeforeForwardError, ShapeError
from labkit.nn._validation import check_finite, shape_text
from labkit.nn.dtype import resolve_dtype
from labkit.nn.parameter import Parameter


class Module:
    """Base class: subclasses implement ``forward`` and ``backward``.

    ``module(x)`` calls ``forward(x)`` and then checks that the output is finite
    (a NaN raises NonFiniteError naming the module). Parameters, sub-modules and
    lists of sub-modules stored as attributes are found automatically, so
    ``parameters()``, ``zero_grad()``, ``train()`` and ``eval()`` reach them all.
    """

    training: bool = True
    _buffer_names: tuple[str, ...] = ()  # arrays that are state but not learned (BatchNorm's running stats)
    _check_output: bool = True  # containers (Sequential) leave the check to their layers

    def forward(self, *args, **kwargs):
        raise NotImplementedError(f"{type(self).__name__} must implement forward(x).")

    def backward(self, grad_out):
        raise NotImplementedError(
            f"{type(self).__name__} has no backward(grad_out). Write one that returns the gradient "
            "with respect to the input and fills the .grad of the parameters."
        )

    def __call__(self, *args, **kwargs):
        out = self.forward(*args, **kwargs)
        if self._check_output:
            check_finite(out, args, self.describe())
        return out

    def describe(self) -> str:
        """A short name for messages, e.g. ``Linear(64 -> 32)``."""
        return f"{type(self).__name__}({self.extra_repr()})"

    def extra_repr(self) -> str:
        """The settings shown inside the parentheses of ``repr``."""
        return ""

    def _require_forward(self, *saved) -> None:
        if any(item is None for item in saved):
            raise BackwardBeforeForwardError(
                f"{self.describe()}.backward() was called before forward(): there is nothing to "
                "differentiate yet, because backward uses what forward stored. Hint: run "
                "out = layer(x) first, then grad_in = layer.backward(grad_out)."
            )

    def named_children(self) -> Iterator[tuple[str, "Module"]]:
        """(name, module) for every sub-module stored as an attribute or in a list attribute."""
        for name, value in vars(self).items():
            if isinstance(value, Module):
                yield name, value
            elif isinstance(value, (list, tuple)):
                for i, item in enumerate(value):
                    if isinstance(item, Module):
                        yield f"{name}.{i}", item

    def children(self) -> Iterator["Module"]:
        for _, child in self.named_children():
            yield child

    def modules(self) -> Iterator["Module"]:
        """This module and every module inside it, depth first."""
        yield self
        for child in self.children():
            yield from child.modules()

    def named_parameters(self, prefix: str = "") -> Iterator[tuple[str, Parameter]]:
        """("0.weight", Parameter) pairs, own parameters first, each shared parameter once."""
        seen: set[int] = set()
        for name, param in self._named_parameters(prefix):
            if id(param) not in seen:
                seen.add(id(param))
                yield name, param

    def _named_parameters(self, prefix: str):
        for name, value in vars(self).items():
            if isinstance(value, Parameter):
                yield prefix + name, value
        for name, child in self.named_children():
            yield from child._named_parameters(prefix + name + ".")

    def parameters(self) -> list[Parameter]:
        """All learnable parameters, in a stable order (hand them to an optimizer)."""
        return [param for _, param in self.named_parameters()]

    def named_buffers(self, prefix: str = "") -> Iterator[tuple[str, np.ndarray]]:
        for name in self._buffer_names:
            yield prefix + name, getattr(self, name)
        for name, child in self.named_children():
            yield from child.named_buffers(prefix + name + ".")

    def zero_grad(self) -> None:
        """Set every parameter's ``.grad`` to None (the next backward starts from zero)."""
        for param in self.parameters():
            param.grad = None

    def train(self, mode: bool = True) -> "Module":
        """Training mode (Dropout drops, BatchNorm uses batch statistics); returns self."""
        self.training = bool(mode)
        for child in self.children():
            child.train(mode)
        return self

    def eval(self) -> "Module":
        """Evaluation mode: same as ``train(False)``."""
        return self.train(False)

    def to(self, dtype) -> "Module":
        """Convert parameters and buffers to ``dtype`` (np.float32 or np.float64) in place; returns self."""
        dtype = resolve_dtype(dtype)
        for module in self.modules():
            for value in vars(module).values():
                if isinstance(value, Parameter):
                    value.data = value.data.astype(dtype)
                    value.grad = None
            for name in module._buffer_names:
                buffer = getattr(module, name)
                if isinstance(buffer, np.ndarray) and buffer.dtype.kind == "f":
                    setattr(module, name, buffer.astype(dtype))
        return self

    def float(self) -> "Module":
        """float32 parameters, as ``torch.nn.Module.float``."""
        return self.to(np.float32)

    def double(self) -> "Module":
        """float64 parameters, as ``torch.nn.Module.double``."""
        return self.to(np.float64)

    def state_dict(self) -> dict[str, np.ndarray]:
        """Copies of all parameters and buffers by name (save it with np.savez)."""
        state = {name: param.data.copy() for name, param in self.named_parameters()}
        state.update({name: np.array(buffer, copy=True) for name, buffer in self.named_buffers()})
        return state

    def load_state_dict(self, state: dict) -> "Module":
        """Copy values saved by ``state_dict`` back in; names and shapes must match."""
        params = dict(self.named_parameters())
        buffers = dict(self.named_buffers())
        missing = sorted((set(params) | set(buffers)) - set(state))
        unexpected = sorted(set(state) - set(params) - set(buffers))
        if missing or unexpected:
            raise KeyError(f"load_state_dict: missing keys {missing}, unexpected keys {unexpected}.")
        for name, param in params.items():
            value = np.asarray(state[name])
            if value.shape != param.shape:
                raise ShapeError(f"load_state_dict: {name} has shape {shape_text(param.shape)}, "
                                 f"the saved value has {shape_text(value.shape)}.")
            param.data[...] = value
        for name, buffer in buffers.items():
            owner = self
            *path, attr = name.split(".")
            for part in path:
                owner = owner[int(part)] if part.isdigit() and hasattr(owner, "__getitem__") else getattr(owner, part)
            setattr(owner, attr, np.array(state[name], dtype=np.asarray(buffer).dtype))
        return self

    def __repr__(self) -> str:
        children = list(self.named_children())
        if not children:
            return f"{type(self).__name__}({self.extra_repr()})"
        lines = [f"{type(self).__name__}("]
        for name, child in children:
            child_text = repr(child).replace("\n", "\n  ")
            lines.append(f"  ({name}): {child_text}")
        lines.append(")")
        return "\n".join(lines)
