"""Callbacks: small objects that ``fit`` calls at the start, after every epoch and at the end.

Write your own by subclassing :class:`Callback` and overriding any of its three methods.
Each receives the ``trainer`` of the run, which has:

- ``trainer.model``, ``trainer.history`` (the :class:`~labkit.train.history.History` so far),
- ``trainer.stop_training``: set it to True to stop after this epoch,
- ``trainer.get_weights()`` / ``trainer.set_weights(weights)``: copies of the parameters.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from labkit.train.checkpoint import save_checkpoint
from labkit.train.history import _resolve_mode


class Callback:
    """Base class: every hook does nothing."""

    def on_train_begin(self, trainer) -> None:
        """Called once before the first epoch."""

    def on_epoch_end(self, epoch: int, logs: dict[str, float], trainer) -> None:
        """Called after each epoch; ``epoch`` counts from 0, ``logs`` maps metric name -> value."""

    def on_train_end(self, trainer) -> None:
        """Called once after the last epoch (also after an early stop)."""


class _Monitor:
    """Tracks the best value of one metric, as EarlyStopping and ModelCheckpoint both need."""

    def __init__(self, monitor: str, mode: str, min_delta: float) -> None:
        self.minimise = _resolve_mode(mode, monitor)
        self.monitor = monitor
        self.min_delta = abs(float(min_delta))

    def value(self, logs: dict[str, float], owner: str) -> float:
        if self.monitor not in logs:
            hint = " Pass val_data to fit() to get validation metrics." if self.monitor.startswith("val_") else ""
            raise ValueError(
                f"{owner}(monitor={self.monitor!r}) found no such metric; this epoch logged "
                f"{sorted(logs)}.{hint}"
            )
        return float(logs[self.monitor])

    def improved(self, value: float, best: float) -> bool:
        if math.isnan(value):
            return False
        if self.minimise:
            return value < best - self.min_delta
        return value > best + self.min_delta

    def worst(self) -> float:
        return math.inf if self.minimise else -math.inf


class EarlyStopping(Callback):
    """Stop when ``monitor`` has not improved for ``patience`` epochs in a row.

    Args:
        monitor: the metric to watch, e.g. ``"val_loss"`` or ``"val_accuracy"``.
        patience: how many epochs without improvement to tolerate (>= 1).
        min_delta: an improvement must beat the best value by more than this.
        restore_best: at the end, put back the weights of the best epoch.
        mode: ``"min"``, ``"max"`` or ``"auto"`` (min for names with "loss", else max).

    After ``fit``: ``best_`` (best value), ``best_epoch_`` (from 0), ``stopped_epoch_``
    (the epoch after which training stopped, or None when it ran to the end).
    """

    def __init__(
        self,
        monitor: str = "val_loss",
        patience: int = 3,
        min_delta: float = 0.0,
        restore_best: bool = True,
        mode: str = "auto",
    ) -> None:
        if not isinstance(patience, int) or patience < 1:
            raise ValueError(f"EarlyStopping(patience=...) expected an integer >= 1, got {patience!r}.")
        self.monitor = monitor
        self.patience = patience
        self.min_delta = min_delta
        self.restore_best = restore_best
        self.mode = mode
        self._tracker = _Monitor(monitor, mode, min_delta)

    def on_train_begin(self, trainer) -> None:
        self.best_ = self._tracker.worst()
        self.best_epoch_: int | None = None
        self.best_weights_ = None
        self.wait_ = 0
        self.stopped_epoch_: int | None = None

    def on_epoch_end(self, epoch: int, logs: dict[str, float], trainer) -> None:
        value = self._tracker.value(logs, "EarlyStopping")
        if self._tracker.improved(value, self.best_):
            self.best_, self.best_epoch_, self.wait_ = value, epoch, 0
            if self.restore_best:
                self.best_weights_ = trainer.get_weights()
            return
        self.wait_ += 1
        if self.wait_ >= self.patience:
            self.stopped_epoch_ = epoch
            trainer.stop_training = True

    def on_train_end(self, trainer) -> None:
        if self.restore_best and self.best_weights_ is not None:
            trainer.set_weights(self.best_weights_)



class _Replay:
    """The little of a trainer that EarlyStopping reads when it is replayed over recorded values."""

    stop_training = False


def early_stopping_epochs(val_losses, patience: int, min_delta: float = 0.0) -> tuple[int, int]:
    """val_losses: one number per epoch -> (stop_epoch, best_epoch), both from 0, as ``EarlyStopping``
    (monitoring a loss) decides during ``fit``; stop_epoch is the last epoch when it never stops."""
    rule = EarlyStopping(monitor="val_loss", patience=patience, min_delta=min_delta, restore_best=False, mode="min")
    trainer = _Replay()
    rule.on_train_begin(trainer)
    values = [float(v) for v in val_losses]
    if not values:
        raise ValueError("early_stopping_epochs expected at least one validation loss, got none.")
    for epoch, value in enumerate(values):
        rule.on_epoch_end(epoch, {"val_loss": value}, trainer)
        if trainer.stop_training:
            break
    return epoch, (rule.best_epoch_ if rule.best_epoch_ is not None else 0)

class ModelCheckpoint(Callback):
    """Save the model's weights after epochs (see :func:`labkit.train.save_checkpoint`).

    Args:
        path: file to write; may contain ``{epoch}`` (from 1) and metric names,
            e.g. ``"ckpt/model-{epoch:02d}-{val_loss:.3f}.pt"``.
        monitor: the metric that decides which epoch is best.
        save_best_only: save only when ``monitor`` improves (else after every epoch).
        mode: ``"min"``, ``"max"`` or ``"auto"``.

    After ``fit``: ``best_``, ``best_epoch_`` and ``saved_paths_`` (every file written).
    """

    def __init__(
        self,
        path: str | os.PathLike,
        monitor: str = "val_loss",
        save_best_only: bool = True,
        mode: str = "auto",
    ) -> None:
        self.path = path
        self.monitor = monitor
        self.save_best_only = save_best_only
        self.mode = mode
        self._tracker = _Monitor(monitor, mode, 0.0)

    def on_train_begin(self, trainer) -> None:
        self.best_ = self._tracker.worst()
        self.best_epoch_: int | None = None
        self.saved_paths_: list[Path] = []

    def on_epoch_end(self, epoch: int, logs: dict[str, float], trainer) -> None:
        improved = False
        if self.save_best_only or self.monitor in logs:
            value = self._tracker.value(logs, "ModelCheckpoint")
            improved = self._tracker.improved(value, self.best_)
            if improved:
                self.best_, self.best_epoch_ = value, epoch
        if improved or not self.save_best_only:
            path = str(self.path).format(epoch=epoch + 1, **logs)
            self.saved_paths_.append(save_checkpoint(trainer.model, path))
