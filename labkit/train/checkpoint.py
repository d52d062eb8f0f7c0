"""Save and load the weights of a model: torch ``state_dict`` files or NumPy ``.npz`` archives.

A torch module is saved with ``torch.save(model.state_dict(), path)``; a labkit.nn
module as an ``.npz`` archive of its ``state_dict()`` (one array per parameter or buffer,
named like ``"0.weight"``).
Only weights are saved, never code: load them into a model built the same way.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from labkit.errors import ShapeError


def is_torch_module(model: object) -> bool:
    """True when ``model`` is a ``torch.nn.Module`` (without importing torch needlessly)."""
    torch_nn = _torch_nn()
    return torch_nn is not None and isinstance(model, torch_nn.Module)


def _torch_nn():
    try:
        import torch.nn
    except ImportError:
        return None
    return torch.nn


def numpy_state(model: object) -> dict[str, np.ndarray]:
    """The parameters (and buffers) of a labkit.nn module as ``{name: array}`` (copies)."""
    if hasattr(model, "state_dict"):
        return {name: np.array(value, copy=True) for name, value in model.state_dict().items()}
    if hasattr(model, "named_parameters"):
        return {name: np.array(p.data, copy=True) for name, p in model.named_parameters()}
    return {f"param_{i}": np.array(p.data, copy=True) for i, p in enumerate(model.parameters())}


def load_numpy_state(model: object, state: dict[str, np.ndarray], source: str = "state") -> None:
    """Copy ``state`` (from :func:`numpy_state`) into the parameters of ``model``, in place."""
    if hasattr(model, "load_state_dict"):
        try:
            model.load_state_dict(state)
        except KeyError as error:
            raise ShapeError(
                f"{source} does not fit the model ({error.args[0]}). "
                "Build the model with the same layers as when it was saved."
            ) from error
        except ShapeError as error:
            raise ShapeError(f"{source}: {error} Was the model built with other sizes?") from error
        return
    current = numpy_state(model)
    if set(current) != set(state):
        raise ShapeError(
            f"{source} holds parameters {sorted(state)}, but the model has {sorted(current)}. "
            "Build the model with the same layers as when it was saved."
        )
    params = (
        dict(model.named_parameters())
        if hasattr(model, "named_parameters")
        else {f"param_{i}": p for i, p in enumerate(model.parameters())}
    )
    for name, param in params.items():
        value = np.asarray(state[name])
        if value.shape != np.shape(param.data):
            raise ShapeError(
                f"{source}: parameter {name!r} has shape {value.shape}, the model expects "
                f"{np.shape(param.data)}. Was the model built with other sizes?"
            )
        param.data[...] = value


def save_checkpoint(model: object, path: str | os.PathLike) -> Path:
    """Write the weights of ``model`` to ``path`` (parent folders are created).

    Args:
        model: a ``torch.nn.Module`` (saved as its ``state_dict`` with ``torch.save``)
            or a labkit.nn module (saved as ``.npz``: one array per parameter).
        path: the file to write, used exactly as given (no suffix is added).

    Returns:
        the path written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if is_torch_module(model):
        import torch

        torch.save(model.state_dict(), path)
    elif hasattr(model, "parameters"):
        with open(path, "wb") as handle:  # np.savez(path) would append ".npz" to the name
            np.savez(handle, **numpy_state(model))
    else:
        raise TypeError(
            f"save_checkpoint expected a torch.nn.Module or a labkit.nn module, got {type(model).__name__}."
        )
    return path


def load_checkpoint(model: object, path: str | os.PathLike) -> object:
    """Load weights written by :func:`save_checkpoint` into ``model`` and return it.

    Args:
        model: a model built exactly like the one that was saved (same layers and sizes).
        path: the checkpoint file.

    Returns:
        ``model`` itself, with the loaded weights.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no checkpoint at {str(path)!r}. Did fit() run with ModelCheckpoint first?")
    if is_torch_module(model):
        import torch

        device = next((p.device for p in model.parameters()), torch.device("cpu"))
        state = torch.load(path, map_location=device, weights_only=True)
        model.load_state_dict(state)
    elif hasattr(model, "parameters"):
        try:
            with np.load(path, allow_pickle=False) as archive:
                if not all(name.endswith(".npy") for name in archive.zip.namelist()):
                    raise ValueError("it holds more than NumPy arrays (a torch.save file is a zip too)")
                state = {name: archive[name] for name in archive.files}
        except (ValueError, OSError, AttributeError, TypeError) as error:
            raise ValueError(
                f"{str(path)!r} is not a NumPy .npz checkpoint ({error}). A torch checkpoint loads only "
                "into a torch.nn.Module."
            ) from error
        load_numpy_state(model, state, source=f"checkpoint {str(path)!r}")
    else:
        raise TypeError(
            f"load_checkpoint expected a torch.nn.Module or a labkit.nn module, got {type(model).__name__}."
        )
    return model
