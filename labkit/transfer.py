"""Transfer learning with PyTorch: freeze a body, swap the head, probe or fine-tune.

A network for transfer has a ``head``: its last ``nn.Linear`` layer, which maps the
body's features (N, F) to class scores (N, C) (``labkit.models.MLP`` has one). Reuse
a pretrained network on a new task in one of three ways:

* **from scratch**: a fresh network, every weight trained on the new labels;
* **linear probe**: the pretrained body frozen, only a new head trained (:func:`linear_probe`);
* **fine-tuning**: the pretrained body and a new head, all trained (:func:`fine_tune`).

:func:`compare_strategies` measures the three at several numbers of labels per class,
with the seconds each takes. Training is full-batch Adam (:func:`train_classifier`):
the labelled sets of transfer learning are small.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np
import torch
from torch import nn

__all__ = [
    "freeze", "unfreeze", "count_parameters", "replace_head", "extract_features", "train_classifier",
    "linear_probe", "fine_tune", "from_scratch", "sample_per_class", "TransferResults", "compare_strategies",
    "add_batchnorm", "batchnorm_layers",
]

STRATEGIES = ("from scratch", "linear probe", "fine-tuning")


def _check_module(name: str, module) -> nn.Module:
    if not isinstance(module, nn.Module):
        raise TypeError(f"{name} must be a torch.nn.Module, got {type(module).__name__}: {module!r:.80}")
    return module


def _check_head(model) -> nn.Linear:
    _check_module("model", model)
    head = getattr(model, "head", None)
    if not isinstance(head, nn.Linear):
        raise TypeError(f"model must have a `head` attribute holding its last nn.Linear layer, got "
                        f"{type(head).__name__ if head is not None else 'no head'} in {type(model).__name__}.")
    return head


def freeze(module: nn.Module) -> nn.Module:
    """Stop training every parameter of ``module`` (``requires_grad = False``); returns ``module``."""
    for parameter in _check_module("module", module).parameters():
        parameter.requires_grad = False
    return module


def unfreeze(module: nn.Module) -> nn.Module:
    """Train every parameter of ``module`` again; returns ``module``."""
    for parameter in _check_module("module", module).parameters():
        parameter.requires_grad = True
    return module


def count_parameters(module: nn.Module, trainable_only: bool = True) -> int:
    """Number of numbers in ``module``'s parameters (only those with ``requires_grad`` by default)."""
    return int(sum(p.numel() for p in _check_module("module", module).parameters()
                   if p.requires_grad or not trainable_only))


def replace_head(model: nn.Module, n_classes: int) -> nn.Module:
    """Put a new, trainable ``nn.Linear(head.in_features, n_classes)`` in place of ``model.head``; returns ``model``."""
    head = _check_head(model)
    if isinstance(n_classes, bool) or not isinstance(n_classes, (int, np.integer)) or n_classes < 1:
        raise ValueError(f"n_classes must be a positive integer, got {n_classes!r}.")
    model.head = nn.Linear(head.in_features, int(n_classes)).to(head.weight.device)
    return model


def _as_tensors(X, y=None, device="cpu"):
    X_t = torch.as_tensor(np.asarray(X, dtype=np.float32), device=device)
    if y is None:
        return X_t
    y = np.asarray(y)
    if y.ndim != 1 or len(y) != len(X_t):
        raise ValueError(f"y must hold one integer label per example: X has {len(X_t)} rows, y has shape {y.shape}.")
    return X_t, torch.as_tensor(y.astype(np.int64), device=device)


@torch.no_grad()
def extract_features(model: nn.Module, X) -> np.ndarray:
    """What the body of ``model`` outputs for X (N, ...): (N, head.in_features), in evaluation mode."""
    head = _check_head(model)
    was_training = model.training
    model.eval()
    model.head = nn.Identity()
    try:
        features = model(_as_tensors(X, device=head.weight.device))
    finally:
        model.head = head
        model.train(was_training)
    return features.cpu().numpy()


def batchnorm_layers(model: nn.Module) -> list[nn.modules.batchnorm._BatchNorm]:
    """The batch-normalization layers of ``model`` (``nn.BatchNorm1d``, ``2d``, ``3d``), in order."""
    return [m for m in _check_module("model", model).modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]


def add_batchnorm(model: nn.Module) -> nn.Module:
    """Insert an ``nn.BatchNorm1d`` after every ``nn.Conv1d`` of ``model.features`` (an ``nn.Sequential``); returns ``model``.

    ``labkit.models.CNN1d`` becomes conv, batch norm, ReLU (three times), then the head: the usual order.
    """
    features = getattr(_check_module("model", model), "features", None)
    if not isinstance(features, nn.Sequential) or not any(isinstance(m, nn.Conv1d) for m in features):
        raise TypeError(f"model must have a `features` nn.Sequential with nn.Conv1d layers (as labkit.models.CNN1d), "
                        f"got {type(features).__name__ if features is not None else 'no features'}.")
    layers = []
    for layer in features:
        layers.append(layer)
        if isinstance(layer, nn.Conv1d):
            layers.append(nn.BatchNorm1d(layer.out_channels).to(layer.weight.device))
    model.features = nn.Sequential(*layers)
    return model


BATCHNORM_MODES = ("batch", "frozen")


def train_classifier(model: nn.Module, X, y, *, steps: int = 200, lr: float = 1e-2, weight_decay: float = 0.0,
                     seed: int = 0, batchnorm: str = "batch") -> nn.Module:
    """Full-batch Adam on the cross-entropy of ``model(X)`` against y, for the trainable parameters only.

    X (N, ...) array, y (N,) integer labels. batchnorm: what the network's batch-norm layers do while it
    trains: "batch" (PyTorch's training mode: normalize with the batch's mean and variance, and move the
    running statistics towards them) or "frozen" (evaluation mode: normalize with the running statistics
    and leave them as they are). Returns ``model`` in evaluation mode.
    """
    _check_module("model", model)
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError(f"steps must be a positive integer, got {steps!r}.")
    if batchnorm not in BATCHNORM_MODES:
        raise ValueError(f"batchnorm must be one of {list(BATCHNORM_MODES)}, got {batchnorm!r}.")
    trainable = [p for p in model.parameters() if p.requires_grad]
    if not trainable:
        raise ValueError("model has no trainable parameters (all are frozen): nothing to train.")
    device = trainable[0].device
    X_t, y_t = _as_tensors(X, y, device)
    torch.manual_seed(seed)
    optimizer = torch.optim.Adam(trainable, lr=lr, weight_decay=weight_decay)
    model.train()
    if batchnorm == "frozen":
        for layer in batchnorm_layers(model):
            layer.eval()
    for _ in range(int(steps)):
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(model(X_t), y_t)
        loss.backward()
        optimizer.step()
    return model.eval()


def linear_probe(pretrained: nn.Module, X, y, n_classes: int, *, steps: int = 300, lr: float = 3e-2,
                 seed: int = 0) -> nn.Module:
    """A copy of ``pretrained`` with its body frozen and a new head trained on (X, y). ``pretrained`` is untouched."""
    model = replace_head(freeze(copy.deepcopy(_check_module("pretrained", pretrained))), n_classes)
    torch.manual_seed(seed)
    model.head.reset_parameters()
    features = extract_features(model, X)  # the body is frozen: compute its features once
    train_classifier(model.head, features, y, steps=steps, lr=lr, seed=seed)
    return model.eval()


def fine_tune(pretrained: nn.Module, X, y, n_classes: int, *, steps: int = 200, lr: float = 3e-3,
              seed: int = 0, batchnorm: str = "batch") -> nn.Module:
    """A copy of ``pretrained`` with a new head, every parameter trained on (X, y). ``pretrained`` is untouched.

    batchnorm: "batch" or "frozen", as in :func:`train_classifier`.
    """
    model = unfreeze(replace_head(copy.deepcopy(_check_module("pretrained", pretrained)), n_classes))
    torch.manual_seed(seed)
    model.head.reset_parameters()
    return train_classifier(model, X, y, steps=steps, lr=lr, seed=seed, batchnorm=batchnorm)


def from_scratch(make_model: Callable[[], nn.Module], X, y, *, steps: int = 200, lr: float = 1e-2,
                 seed: int = 0) -> nn.Module:
    """A fresh ``make_model()`` (seeded), every parameter trained on (X, y)."""
    torch.manual_seed(seed)
    model = _check_module("make_model()", make_model())
    return train_classifier(model, X, y, steps=steps, lr=lr, seed=seed)


def sample_per_class(y, per_class: int, seed: int = 0) -> np.ndarray:
    """Indices of ``per_class`` random examples of each class in y (sorted), with a seeded generator."""
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    picks = []
    for label in np.unique(y):
        where = np.flatnonzero(y == label)
        if per_class > len(where):
            raise ValueError(f"per_class={per_class} but class {label} has only {len(where)} examples.")
        picks.append(rng.choice(where, per_class, replace=False))
    return np.sort(np.concatenate(picks))


@dataclass
class TransferResults:
    """Test accuracy and training seconds of each strategy at each number of labels per class.

    ``accuracy[strategy]``, ``train_accuracy[strategy]`` (on the labelled examples it trained on) and
    ``seconds[strategy]`` are (len(labels_per_class), len(seeds)) arrays; ``models[strategy][i][j]``
    is the trained network for labels_per_class[i] and seeds[j] (kept only when asked for).
    """

    labels_per_class: np.ndarray
    seeds: tuple[int, ...]
    accuracy: dict[str, np.ndarray] = field(default_factory=dict)
    seconds: dict[str, np.ndarray] = field(default_factory=dict)
    train_accuracy: dict[str, np.ndarray] = field(default_factory=dict)
    models: dict[str, list[list[nn.Module]]] = field(default_factory=dict)

    def mean_accuracy(self, strategy: str) -> np.ndarray:
        """(len(labels_per_class),) accuracy averaged over the seeds."""
        return self.accuracy[strategy].mean(axis=1)

    def mean_seconds(self, strategy: str) -> np.ndarray:
        return self.seconds[strategy].mean(axis=1)


def _accuracy(model: nn.Module, X, y) -> float:
    with torch.no_grad():
        device = next(model.parameters()).device
        predicted = model(_as_tensors(X, device=device)).argmax(dim=1).cpu().numpy()
    return float(np.mean(predicted == np.asarray(y)))


def compare_strategies(pretrained: nn.Module, make_model: Callable[[], nn.Module], X_pool, y_pool, X_test, y_test, *,
                       labels_per_class: Sequence[int] = (1, 2, 5, 10, 20, 50), seeds: Sequence[int] = (0, 1),
                       strategies: Sequence[str] = STRATEGIES, steps: int = 200,
                       progress: Callable | None = None, keep_models: bool = False) -> TransferResults:
    """Train each strategy on ``k`` labelled examples per class of the pool, for each k and seed; test on (X_test, y_test).

    pretrained: the source network (with a ``head``); make_model: builds a fresh network for
    "from scratch" (its head must already have the target's number of classes). Each seed draws its
    own labelled examples (:func:`sample_per_class`), the same ones for every strategy.
    progress: optional wrapper for the loop over k, such as ``tqdm``. keep_models: keep every trained
    network in ``results.models`` (to measure something else on them afterwards).
    """
    unknown = [s for s in strategies if s not in STRATEGIES]
    if unknown:
        raise ValueError(f"strategies must be among {list(STRATEGIES)}, got {unknown}.")
    ks = np.asarray(labels_per_class, dtype=int)
    if ks.ndim != 1 or len(ks) == 0 or (ks < 1).any():
        raise ValueError(f"labels_per_class must be positive integers, got {labels_per_class!r}.")
    y_pool = np.asarray(y_pool)
    n_classes = int(len(np.unique(y_pool)))
    results = TransferResults(ks, tuple(int(s) for s in seeds))
    for strategy in strategies:
        results.accuracy[strategy] = np.zeros((len(ks), len(seeds)))
        results.seconds[strategy] = np.zeros((len(ks), len(seeds)))
        results.train_accuracy[strategy] = np.zeros((len(ks), len(seeds)))
        if keep_models:
            results.models[strategy] = [[None] * len(seeds) for _ in ks]
    loop = progress(list(enumerate(ks))) if progress is not None else enumerate(ks)
    for i, k in loop:
        for j, seed in enumerate(seeds):
            pick = sample_per_class(y_pool, int(k), seed=int(seed))
            X, y = np.asarray(X_pool)[pick], y_pool[pick]
            for strategy in strategies:
                start = time.perf_counter()
                if strategy == "from scratch":
                    model = from_scratch(make_model, X, y, steps=steps, seed=int(seed))
                elif strategy == "linear probe":
                    model = linear_probe(pretrained, X, y, n_classes, steps=steps, seed=int(seed))
                else:
                    model = fine_tune(pretrained, X, y, n_classes, steps=steps, seed=int(seed))
                results.seconds[strategy][i, j] = time.perf_counter() - start
                results.accuracy[strategy][i, j] = _accuracy(model, X_test, y_test)
                results.train_accuracy[strategy][i, j] = _accuracy(model, X, y)
                if keep_models:
                    results.models[strategy][i][j] = model
    return results


def tone_task(n_per_class: int = 400, *, length: int = 40, n_classes: int = 5, noise: float = 0.3,
              seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A source task unrelated to digits: which of ``n_classes`` frequencies does a noisy tone have?

    Class c is a sine with (c + 2) cycles per ``length`` samples (2, 3, ... cycles), random phase and
    amplitude, plus Gaussian noise. Returns X (n_classes * n_per_class, length) float32 and y int64.
    """
    for name, value in (("n_per_class", n_per_class), ("length", length), ("n_classes", n_classes)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}.")
    rng = np.random.default_rng(seed)
    y = np.repeat(np.arange(n_classes), n_per_class)
    t = np.arange(length) / length
    phase = rng.uniform(0, 2 * np.pi, (len(y), 1))
    amplitude = rng.uniform(0.5, 1.5, (len(y), 1))
    X = amplitude * np.sin(2 * np.pi * (y[:, None] + 2) * t[None, :] + phase) + noise * rng.standard_normal((len(y), length))
    order = rng.permutation(len(y))
    return X[order].astype(np.float32), y[order].astype(np.int64)
