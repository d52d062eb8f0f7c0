"""A loss/accuracy plot that redraws in the notebook after every epoch (no-op elsewhere)."""

from __future__ import annotations

import io

from labkit.train.callbacks import Callback
from labkit.train.progress import in_notebook


class LivePlot(Callback):
    """Redraw ``history.plot()`` in one notebook output after each epoch.

    Args:
        metrics: base metric names to plot (default: all recorded, with their ``val_`` twins).
        enabled: True or False decide; None (default) draws only inside a Jupyter kernel.
        dpi: resolution of the rendered image.

    The figure is rendered to a PNG and shown with ``IPython.display`` under one display id,
    so the same output cell is updated in place instead of stacking 20 plots.
    ``fit(..., live_plot=True)`` adds one for you.
    """

    def __init__(self, metrics: tuple[str, ...] | None = None, enabled: bool | None = None, dpi: int = 80) -> None:
        self.metrics = metrics
        self.enabled = enabled
        self.dpi = dpi

    def on_train_begin(self, trainer) -> None:
        self.active_ = in_notebook() if self.enabled is None else bool(self.enabled)
        self.handle_ = None
        self.updates_ = 0

    def on_epoch_end(self, epoch: int, logs: dict[str, float], trainer) -> None:
        if not self.active_:
            return
        from IPython.display import Image, display

        fig = trainer.history.plot(self.metrics)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=self.dpi)
        image = Image(data=buffer.getvalue(), format="png")
        if self.handle_ is None:
            self.handle_ = display(image, display_id=True)
        else:
            self.handle_.update(image)
        self.updates_ += 1
