"""The record of a training run: one list per metric, one entry per epoch."""

from __future__ import annotations

from typing import Iterator, NamedTuple

import numpy as np

_LOWER_IS_BETTER = ("loss", "error", "mse", "mae", "rmse")


def lower_is_better(metric: str) -> bool:
    """True for metrics to minimise (names containing loss, error, mse, mae, rmse)."""
    name = metric.lower()
    return any(word in name for word in _LOWER_IS_BETTER)


class Best(NamedTuple):
    """The best epoch of one metric: ``epoch`` counts from 0, ``value`` is the metric there."""

    epoch: int
    value: float


class History:
    """Per-epoch metrics of one ``fit`` call, like ``keras.callbacks.History``.

    ``history["loss"]`` is the list of training losses, one per epoch;
    ``history["val_loss"]`` the validation losses (present when ``fit`` had
    validation data). ``history.history`` is the underlying ``dict[str, list[float]]``.

    Attributes:
        history: metric name -> list of floats, all of length ``len(self)``.
        epoch_seconds: wall time of each epoch in seconds.
        stopped_epoch: the epoch (from 0) after which a callback stopped training, else None.
        params: the settings of the run (epochs, batch_size, seed, device, ...).
    """

    def __init__(self) -> None:
        self.history: dict[str, list[float]] = {}
        self.epoch_seconds: list[float] = []
        self.stopped_epoch: int | None = None
        self.params: dict[str, object] = {}

    def append(self, logs: dict[str, float], seconds: float = float("nan")) -> None:
        """Add one epoch: ``logs`` maps metric name -> value."""
        for name, value in logs.items():
            if name not in self.history:
                self.history[name] = [float("nan")] * len(self)
            self.history[name].append(float(value))
        for name, values in self.history.items():
            if name not in logs:
                values.append(float("nan"))
        self.epoch_seconds.append(float(seconds))

    def __len__(self) -> int:
        return len(self.epoch_seconds)

    def __getitem__(self, metric: str) -> list[float]:
        if metric not in self.history:
            raise KeyError(
                f"History has no metric {metric!r}; it has {sorted(self.history)}. "
                "Validation metrics start with 'val_' and exist only when fit() got val_data."
            )
        return self.history[metric]

    def __contains__(self, metric: object) -> bool:
        return metric in self.history

    def __iter__(self) -> Iterator[str]:
        return iter(self.history)

    def keys(self):
        return self.history.keys()

    @property
    def epochs(self) -> list[int]:
        """Epoch numbers counted from 1, for plotting."""
        return list(range(1, len(self) + 1))

    def best(self, metric: str = "val_loss", mode: str = "auto") -> Best:
        """The epoch where ``metric`` was best.

        Args:
            metric: a key of the history, e.g. ``"val_loss"`` or ``"val_accuracy"``.
            mode: ``"min"``, ``"max"`` or ``"auto"`` (min for names with loss/error, else max).

        Returns:
            ``Best(epoch, value)`` with ``epoch`` counted from 0.
        """
        values = np.asarray(self[metric], dtype=float)
        if np.all(np.isnan(values)):
            raise ValueError(f"History[{metric!r}] holds no finite value yet ({values.tolist()}).")
        minimise = _resolve_mode(mode, metric)
        index = int(np.nanargmin(values) if minimise else np.nanargmax(values))
        return Best(index, float(values[index]))

    def plot(self, metrics: tuple[str, ...] | None = None, figsize: tuple[float, float] | None = None):
        """Plot training and validation curves, one panel per metric.

        Args:
            metrics: base metric names to show (``"loss"``, ``"accuracy"``, ...);
                default: every metric recorded, each with its ``val_`` twin.
            figsize: matplotlib figure size; default 4.5 inches wide per panel.

        Returns:
            a ``matplotlib.figure.Figure`` (not shown; in a notebook it displays itself).
        """
        from matplotlib.figure import Figure

        if metrics is None:
            metrics = tuple(name for name in self.history if not name.startswith("val_"))
            metrics += tuple(
                name[4:] for name in self.history if name.startswith("val_") and name[4:] not in metrics
            )
        unknown = [m for m in metrics if m not in self.history and f"val_{m}" not in self.history]
        if unknown:
            raise KeyError(f"History.plot: no metric {unknown}; recorded: {sorted(self.history)}.")
        n_panels = max(len(metrics), 1)
        fig = Figure(figsize=figsize or (4.5 * n_panels, 3.2), layout="constrained")
        axes = fig.subplots(1, n_panels, squeeze=False)[0]
        for ax, metric in zip(axes, metrics):
            for name, style, label in ((metric, "-o", "train"), (f"val_{metric}", "-s", "validation")):
                if name in self.history:
                    ax.plot(self.epochs, self.history[name], style, markersize=3, label=label)
            if self.stopped_epoch is not None:
                ax.axvline(self.stopped_epoch + 1, color="grey", linestyle=":", label="stopped")
            ax.set_xlabel("epoch")
            ax.set_ylabel(metric)
            ax.set_title(metric)
            ax.grid(alpha=0.3)
            ax.legend()
        return fig

    def __repr__(self) -> str:
        last = {name: round(values[-1], 4) for name, values in self.history.items() if values}
        return f"History(epochs={len(self)}, last={last})"


def _resolve_mode(mode: str, metric: str) -> bool:
    """True when smaller is better."""
    if mode == "auto":
        return lower_is_better(metric)
    if mode not in ("min", "max"):
        raise ValueError(f"mode must be 'min', 'max' or 'auto', got {mode!r}.")
    return mode == "min"
