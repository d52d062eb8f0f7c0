"""``fit``: one training loop for PyTorch modules and labkit.nn modules.

    history = fit(model, (X_train, y_train), (X_val, y_val), epochs=20, batch_size=32)
    history.plot()

Each epoch: shuffle the training set with a seeded generator, take minibatches,
update the weights, then measure the metrics on the validation set. ``evaluate``
and ``predict`` reuse the same machinery on held-out data.
"""

from __future__ import annotations

import time
from typing import Sequence

import numpy as np

from labkit.seed import seed_everything
from labkit.train.batches import as_data
from labkit.train.callbacks import Callback
from labkit.train.engines import make_engine
from labkit.train.history import History
from labkit.train.live_plot import LivePlot
from labkit.train.metrics import Metric, resolve_metrics
from labkit.train.progress import epoch_bar, progress_enabled


class Trainer:
    """What callbacks see of a run: the model, its history, and a way to stop or swap weights."""

    def __init__(self, engine, history: History) -> None:
        self.engine = engine
        self.model = engine.model
        self.history = history
        self.stop_training = False

    def get_weights(self):
        """A copy of the model's weights (a state dict for torch, ``{name: array}`` for labkit.nn)."""
        return self.engine.get_weights()

    def set_weights(self, weights) -> None:
        """Put back weights returned by :meth:`get_weights`."""
        self.engine.set_weights(weights)


def _check_positive_int(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be an integer >= 1, got {value!r}.")
    return int(value)


def _run_epoch(engine, data, batch_size: int, rng, train: bool, metrics: dict, label: str) -> dict[str, float]:
    """Loop once over ``data``: the mean loss (weighted by batch size) and the other metrics."""
    total, count = 0.0, 0
    keep = any(fn is not None for fn in metrics.values())
    preds, targets = [], []
    engine.set_mode(train)
    for index, (xb, yb) in enumerate(data.batches(batch_size, rng)):
        value, n, pred = engine.step(xb, yb, train=train, where=f"{label}, batch {index}", keep=keep)
        total, count = total + value * n, count + n
        if keep:
            preds.append(pred)
            targets.append(engine.targets_numpy(yb))
    logs = {}
    for name, fn in metrics.items():
        if fn is None:
            logs[name] = total / max(count, 1)
        else:
            logs[name] = float(fn(np.concatenate(preds), np.concatenate(targets)))
    return logs


def fit(
    model,
    train_data,
    val_data=None,
    *,
    loss="cross_entropy",
    optimizer="adam",
    lr: float | None = None,
    epochs: int = 10,
    batch_size: int = 32,
    metrics: Sequence[str | Metric] | None = None,
    callbacks: Sequence[Callback] = (),
    seed: int | None = 0,
    device: str | None = None,
    progress: bool | None = None,
    live_plot: bool = False,
) -> History:
    """Train ``model`` on ``train_data`` for ``epochs`` passes, validating after each.

    Args:
        model: a ``torch.nn.Module`` or a labkit.nn ``Module`` (forward/backward/parameters).
        train_data: ``(X, y)`` arrays with X (N, ...) and y (N,) or (N, ...), a
            ``labkit.data.Dataset``, or a torch ``Dataset``/``DataLoader`` of ``(x, y)`` pairs
            (a ``DataLoader`` keeps its own batch size and shuffling).
        val_data: the same forms, measured after every epoch (metrics prefixed ``val_``).
        loss: a loss object (``torch.nn.CrossEntropyLoss()``, ``labkit.nn.MSELoss()``, a function
            ``loss(pred, target)`` for torch) or a name: "cross_entropy", "mse", "bce",
            "bce_with_logits", "l1" (built from the model's own framework).
        optimizer: an optimizer object built on ``model.parameters()``, a factory
            ``params -> optimizer``, or a name: "adam", "sgd", "adamw", "rmsprop".
        lr: learning rate when ``optimizer`` is a name (default 1e-3, or 0.1 for "sgd").
        epochs: passes over the training set (>= 1).
        batch_size: examples per gradient step (>= 1); the last batch may be smaller.
        metrics: "loss", "accuracy", functions ``metric(y_pred, y_true) -> float`` on NumPy
            arrays, or a dict name -> metric. Default ("loss", "accuracy"), or ("loss",)
            for regression losses (MSE, L1).
        callbacks: :class:`Callback` objects such as ``EarlyStopping`` and ``ModelCheckpoint``.
        seed: seeds shuffling, dropout and every generator (``labkit.seed_everything``);
            None leaves the generators alone.
        device: where to train: "cpu", "cuda", or None for ``labkit.default_device()`` (the GPU
            when there is one, or the ``LABKIT_DEVICE`` setting); torch models only. Each
            minibatch is moved to that device for you. When training ends (or stops with an
            error), the model and its optimizer's state go back to the device the model was on
            when you called ``fit``: a model built on the CPU is on the CPU afterwards, so
            ``model(torch.as_tensor(X))`` works as it did before ``fit`` on any machine. A model
            you moved yourself (``model.to("cuda")``) stays there, and you feed it tensors there.
        progress: show a ``tqdm`` bar: True, False, or None = only when interactive and
            neither ``CI`` nor ``TQDM_DISABLE`` is set.
        live_plot: redraw the loss/accuracy curves in the notebook after every epoch.

    Returns:
        a :class:`History`: ``history["loss"]``, ``history["val_accuracy"]``, ``.plot()``, ``.best()``.
        The model ends in evaluation mode (dropout off), with the trained weights
        (or the best ones, when ``EarlyStopping(restore_best=True)`` is among the callbacks).
    """
    epochs = _check_positive_int(epochs, "epochs")
    batch_size = _check_positive_int(batch_size, "batch_size")
    callbacks = list(callbacks)
    for callback in callbacks:
        if not isinstance(callback, Callback):
            raise TypeError(f"callbacks must be Callback objects (e.g. EarlyStopping()), got {callback!r}.")
    if seed is not None:
        seed_everything(seed)
    rng = np.random.default_rng(seed)
    engine = make_engine(model, loss, optimizer, lr, device)
    if seed is not None:
        engine.seed(seed)
    train = engine.prepare(as_data(train_data, "train_data"))
    val = None if val_data is None else engine.prepare(as_data(val_data, "val_data"))
    if metrics is None:
        metrics = ("loss",) if engine.regression else ("loss", "accuracy")
    metric_fns = resolve_metrics(metrics, logits=engine.logits)

    history = History()
    history.params = {
        "epochs": epochs, "batch_size": batch_size, "seed": seed, "device": engine.device,
        "n_train": len(train), "n_val": None if val is None else len(val),
    }
    trainer = Trainer(engine, history)
    if live_plot:
        callbacks.append(LivePlot())
    for callback in callbacks:
        callback.on_train_begin(trainer)
    bar = epoch_bar(epochs, progress_enabled(progress))
    try:
        _train_epochs(engine, train, val, batch_size, rng, metric_fns, epochs, history, trainer, callbacks, bar)
        for callback in callbacks:
            callback.on_train_end(trainer)
    finally:
        engine.finish()  # evaluation mode, and the model back on the device it came on
    return history


def _train_epochs(engine, train, val, batch_size, rng, metric_fns, epochs, history, trainer, callbacks, bar) -> None:
    """The epochs of ``fit``: train, validate, log, let the callbacks stop the run."""
    try:
        for epoch in range(epochs):
            start = time.perf_counter()
            logs = _run_epoch(engine, train, batch_size, rng, True, metric_fns, f"epoch {epoch}")
            if val is not None:
                val_logs = _run_epoch(engine, val, max(batch_size, 512), None, False, metric_fns, f"epoch {epoch} (val)")
                logs.update({f"val_{name}": value for name, value in val_logs.items()})
            history.append(logs, time.perf_counter() - start)
            bar.set_postfix({name: f"{value:.4g}" for name, value in logs.items()}, refresh=False)
            bar.update(1)
            for callback in callbacks:
                callback.on_epoch_end(epoch, logs, trainer)
            if trainer.stop_training:
                history.stopped_epoch = epoch
                break
    finally:
        bar.close()


def evaluate(model, data, *, loss="cross_entropy", metrics: Sequence[str | Metric] | None = None,
             batch_size: int = 512) -> dict[str, float]:
    """Loss and metrics of ``model`` on ``data`` (same forms as ``fit``), without training.

    Returns:
        ``{"loss": ..., "accuracy": ...}`` (the metrics as in ``fit``).
    """
    batch_size = _check_positive_int(batch_size, "batch_size")
    device = _model_device(model)
    engine = make_engine(model, loss, _NoOptimizer(), None, device)
    prepared = engine.prepare(as_data(data, "data"))
    if metrics is None:
        metrics = ("loss",) if engine.regression else ("loss", "accuracy")
    logs = _run_epoch(engine, prepared, batch_size, None, False, resolve_metrics(metrics, engine.logits), "evaluate")
    engine.finish()
    return logs


def predict(model, X, *, batch_size: int = 512) -> np.ndarray:
    """Model outputs for inputs ``X`` (N, ...) as a NumPy array (N, ...), in evaluation mode."""
    batch_size = _check_positive_int(batch_size, "batch_size")
    from labkit.train.checkpoint import is_torch_module

    X_array = X.X if hasattr(X, "X") else X
    if not is_torch_module(model):
        if hasattr(model, "train"):
            model.train(False)
        return np.asarray(model.forward(np.asarray(X_array)))
    import torch

    device = _model_device(model)
    X_tensor = torch.as_tensor(X_array)
    X_tensor = X_tensor.float() if X_tensor.is_floating_point() else X_tensor
    model.eval()
    outputs = []
    with torch.no_grad():
        for start in range(0, len(X_tensor), batch_size):
            outputs.append(model(X_tensor[start : start + batch_size].to(device)).cpu().numpy())
    return np.concatenate(outputs)


def _model_device(model) -> str | None:
    params = getattr(model, "parameters", None)
    if params is None:
        return None
    first = next(iter(params()), None)
    device = getattr(first, "device", None)
    return None if device is None else str(device)


class _NoOptimizer:
    """Stands in for an optimizer when only evaluating."""

    def step(self) -> None:
        raise RuntimeError("evaluate() never takes an optimizer step.")

    def zero_grad(self) -> None:
        pass

