"""One training step for each kind of model: PyTorch (autograd) and labkit.nn (explicit backward).

``fit`` talks to a model only through an engine, so the loop reads the same for both:

    torch:      pred = model(x); value = loss(pred, y); value.backward(); optimizer.step()
    labkit.nn:  pred = model.forward(x); value = loss.forward(pred, y)
                model.backward(loss.backward()); optimizer.step()
"""

from __future__ import annotations

import math

import numpy as np

from labkit.errors import NonFiniteError
from labkit.seed import default_device
from labkit.train.batches import ArrayData, LoaderData
from labkit.train.checkpoint import is_torch_module, load_numpy_state, numpy_state

LOSS_NAMES = {
    "cross_entropy": "CrossEntropyLoss",
    "mse": "MSELoss",
    "bce": "BCELoss",
    "bce_with_logits": "BCEWithLogitsLoss",
    "l1": "L1Loss",
}
OPTIMIZER_NAMES = {"sgd": ("SGD", 0.1), "adam": ("Adam", 1e-3), "adamw": ("AdamW", 1e-3), "rmsprop": ("RMSprop", 1e-3)}
_CLASS_INDEX_LOSSES = {"CrossEntropyLoss", "NLLLoss"}
_FLOAT_TARGET_LOSSES = {"MSELoss", "L1Loss", "SmoothL1Loss", "HuberLoss", "BCELoss", "BCEWithLogitsLoss"}
REGRESSION_LOSSES = {"MSELoss", "L1Loss", "SmoothL1Loss", "HuberLoss"}


def loss_kind(loss: object) -> str:
    """The class name of a loss object (``"CrossEntropyLoss"``, ...), or its function name."""
    return type(loss).__name__ if not _is_plain_function(loss) else getattr(loss, "__name__", "")


def _is_plain_function(obj: object) -> bool:
    return callable(obj) and not hasattr(obj, "forward") and type(obj).__name__ in ("function", "builtin_function_or_method")


def _lookup(namespaces, name: str, what: str, choices):
    for namespace in namespaces:
        found = getattr(namespace, name, None)
        if found is not None:
            return found
    raise ValueError(f"no {what} named {name!r} here; choose one of {sorted(choices)} or pass an object.")


def _resolve_loss(loss, namespaces):
    if isinstance(loss, str):
        if loss not in LOSS_NAMES:
            raise ValueError(f"unknown loss {loss!r}; choose one of {sorted(LOSS_NAMES)} or pass a loss object.")
        return _lookup(namespaces, LOSS_NAMES[loss], "loss", LOSS_NAMES)()
    if loss is None or not callable(getattr(loss, "forward", loss)):
        raise TypeError(f"loss must be a name like 'cross_entropy' or a loss object, got {loss!r}.")
    return loss


def _resolve_optimizer(optimizer, params, lr, namespaces):
    if isinstance(optimizer, str):
        if optimizer not in OPTIMIZER_NAMES:
            raise ValueError(
                f"unknown optimizer {optimizer!r}; choose one of {sorted(OPTIMIZER_NAMES)} or pass an optimizer."
            )
        class_name, default_lr = OPTIMIZER_NAMES[optimizer]
        return _lookup(namespaces, class_name, "optimizer", OPTIMIZER_NAMES)(params, lr=lr or default_lr)
    if lr is not None:
        raise ValueError("lr=... applies only when optimizer is a name like 'adam'; set it on your optimizer object.")
    if hasattr(optimizer, "step") and hasattr(optimizer, "zero_grad"):
        return optimizer
    if callable(optimizer):  # a factory: lambda params: torch.optim.SGD(params, lr=0.1)
        return optimizer(params)
    raise TypeError(f"optimizer must be a name, an optimizer object or a factory(params), got {optimizer!r}.")


def _check_framework(model_kind: str, **objects) -> None:
    """Refuse a labkit.nn loss/optimizer for a torch model and the other way round."""
    for role, obj in objects.items():
        module = type(obj).__module__
        other = "labkit.nn" if model_kind == "torch" else "torch"
        if module.startswith(other):
            raise TypeError(
                f"{role}={type(obj).__name__} comes from {other}, but the model is a "
                f"{'torch.nn.Module' if model_kind == 'torch' else 'labkit.nn Module'}. Use the {role} of the "
                f"model's own framework, or a name such as loss='cross_entropy', optimizer='adam'."
            )


def _check_finite(value: float, where: str) -> float:
    if not math.isfinite(value):
        raise NonFiniteError(
            f"the loss became {value} at {where}. Try a smaller learning rate, scale the inputs, "
            "or look for NaN in the data (np.isnan(X).any())."
        )
    return value


class TorchEngine:
    """Runs a ``torch.nn.Module`` on ``device`` with a torch loss and optimizer."""

    def __init__(self, model, loss, optimizer, lr: float | None, device: str | None) -> None:
        import torch

        _check_framework("torch", loss=loss, optimizer=optimizer)
        self.device = resolve_device(device)
        self.home = _device_of(model)  # where the model was; ``finish`` puts it back there
        self.model = model.to(self.device)
        self.loss = _resolve_loss(loss, [torch.nn])
        self.optimizer = _resolve_optimizer(optimizer, model.parameters(), lr, [torch.optim])
        kind = loss_kind(self.loss)
        self.logits = kind != "BCELoss"
        self.regression = kind in REGRESSION_LOSSES
        self._kind = kind

    def prepare(self, data):
        if isinstance(data, LoaderData):
            return data
        return ArrayData(self._inputs(data.X), self._targets(data.y), data.name)

    def _inputs(self, X):
        import torch

        X = torch.as_tensor(X)
        X = X if not X.is_floating_point() else X.float()
        return X.to(self.device)

    def _targets(self, y):
        import torch

        y = torch.as_tensor(y)
        if self._kind in _CLASS_INDEX_LOSSES:
            y = y.long()
        elif self._kind in _FLOAT_TARGET_LOSSES or y.is_floating_point():
            y = y.float()
        return y.to(self.device)

    def set_mode(self, train: bool) -> None:
        """Training mode (dropout on) or evaluation mode, for a whole epoch."""
        self.model.train(train)

    def step(self, xb, yb, train: bool, where: str, keep: bool = True):
        """One minibatch: returns (loss value, batch size, predictions as NumPy or None unless ``keep``)."""
        import torch

        xb, yb = self._inputs(xb), self._targets(yb)
        with torch.set_grad_enabled(train):
            pred = self.model(xb)
            if self._kind in _FLOAT_TARGET_LOSSES and pred.dim() == 2 and pred.shape[1] == 1 and yb.dim() == 1:
                yb = yb.unsqueeze(1)  # (N,) targets against (N, 1) outputs
            value = self.loss(pred, yb)
            if train:
                self.optimizer.zero_grad()
                value.backward()
                self.optimizer.step()
        value = _check_finite(float(value.detach()), where)
        return value, len(pred), pred.detach().cpu().numpy() if keep else None

    def targets_numpy(self, yb) -> np.ndarray:
        return yb.detach().cpu().numpy() if hasattr(yb, "detach") else np.asarray(yb)

    def seed(self, seed: int) -> None:
        """Nothing beyond ``labkit.seed_everything``, which seeds torch."""

    def get_weights(self):
        return {k: v.detach().clone() for k, v in self.model.state_dict().items()}

    def set_weights(self, weights) -> None:
        self.model.load_state_dict(weights)

    def finish(self) -> None:
        """Evaluation mode; the model (and the optimizer's state) back on the device it came on."""
        self.model.eval()
        if self.home is None or self.home == self.device:
            return
        self.model.to(self.home)
        for state in getattr(self.optimizer, "state", {}).values():
            for key, value in state.items():
                if hasattr(value, "to") and getattr(value, "dim", lambda: 1)() > 0:
                    state[key] = value.to(self.home)  # Adam's moments follow their parameters


def _device_of(model) -> str | None:
    """The device of the model's first parameter (or buffer), ``None`` for a model without either."""
    import itertools

    first = next(itertools.chain(model.parameters(), model.buffers()), None)
    return None if first is None else str(first.device)


class NumpyEngine:
    """Runs a labkit.nn module: explicit ``forward``, ``loss.backward()``, ``model.backward``."""

    def __init__(self, model, loss, optimizer, lr: float | None, device: str | None) -> None:
        if device not in (None, "cpu"):
            raise ValueError(f"labkit.nn models run on NumPy, on the CPU only; got device={device!r}. Use device=None.")
        _check_framework("labkit", loss=loss, optimizer=optimizer)
        namespaces = _labkit_nn_namespaces()
        self.device = "cpu"
        self.model = model
        self.loss = _resolve_loss(loss, namespaces)
        if not hasattr(self.loss, "backward"):
            raise TypeError(
                f"a labkit.nn model needs a loss with forward(pred, target) and backward(), got {self.loss!r}. "
                "A torch loss works only with torch models."
            )
        self.optimizer = _resolve_optimizer(optimizer, list(model.parameters()), lr, namespaces)
        kind = loss_kind(self.loss)
        self.logits = kind != "BCELoss"
        self.regression = kind in REGRESSION_LOSSES
        self._kind = kind

    def prepare(self, data):
        if isinstance(data, LoaderData):
            data = data.to_arrays()
        X = np.asarray(data.X)
        X = X if np.issubdtype(X.dtype, np.integer) else X.astype(np.float64)
        y = np.asarray(data.y)
        if self._kind in _FLOAT_TARGET_LOSSES:
            y = y.astype(np.float64)
        return ArrayData(X, y, data.name)

    def seed(self, seed: int) -> None:
        """Seed labkit.nn's own generator (Dropout masks) as well."""
        try:
            from labkit.nn.random import manual_seed
        except ImportError:
            return
        manual_seed(seed)

    def set_mode(self, train: bool) -> None:
        """Training mode (Dropout on) or evaluation mode, for a whole epoch."""
        if hasattr(self.model, "train"):
            self.model.train(train)

    def step(self, xb, yb, train: bool, where: str, keep: bool = True):
        """One minibatch: returns (loss value, batch size, predictions or None unless ``keep``)."""
        if train:
            self.optimizer.zero_grad()
        pred = self.model(xb) if callable(self.model) else self.model.forward(xb)  # __call__ checks for NaN
        if self._kind in _FLOAT_TARGET_LOSSES and np.ndim(pred) == 2 and np.shape(pred)[1] == 1 and np.ndim(yb) == 1:
            yb = yb[:, None]  # (N,) targets against (N, 1) outputs
        value = float(self.loss.forward(pred, yb))
        _check_finite(value, where)
        if train:
            self.model.backward(self.loss.backward())
            self.optimizer.step()
        return value, len(pred), np.asarray(pred) if keep else None

    def targets_numpy(self, yb) -> np.ndarray:
        return np.asarray(yb)

    def get_weights(self):
        return numpy_state(self.model)

    def set_weights(self, weights) -> None:
        load_numpy_state(self.model, weights)

    def finish(self) -> None:
        self.set_mode(False)


def _labkit_nn_namespaces():
    import importlib

    found = []
    for name in ("labkit.nn", "labkit.nn.losses", "labkit.nn.optim", "labkit.nn.optimizers"):
        try:
            found.append(importlib.import_module(name))
        except ImportError:
            continue
    return found


def resolve_device(device: str | None) -> str:
    """``None`` -> ``labkit.default_device()`` (``LABKIT_DEVICE``, else "cuda" when available, else
    "cpu"); then check that the device exists on this machine."""
    import torch

    name = default_device() if device is None else str(device)
    if name.startswith("cuda") and not torch.cuda.is_available():
        asked = f"LABKIT_DEVICE={name!r}" if device is None else f"device={device!r}"
        raise ValueError(
            f"{asked} was asked for, but torch.cuda.is_available() is False on this machine. "
            "Use device=None (and no LABKIT_DEVICE setting) to pick the best available device."
        )
    return name


def make_engine(model, loss, optimizer, lr, device):
    """The engine for ``model``: torch modules and labkit.nn modules (forward/backward/parameters)."""
    if is_torch_module(model):
        return TorchEngine(model, loss, optimizer, lr, device)
    if all(hasattr(model, name) for name in ("forward", "backward", "parameters")):
        return NumpyEngine(model, loss, optimizer, lr, device)
    raise TypeError(
        f"fit() trains a torch.nn.Module or a labkit.nn Module (with forward, backward and parameters), "
        f"got {type(model).__name__}."
    )
