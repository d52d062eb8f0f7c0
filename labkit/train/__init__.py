"""One training loop for labkit.nn and PyTorch models, with history, callbacks and checkpoints.

    from labkit.train import fit, EarlyStopping
    history = fit(model, (X_train, y_train), (X_val, y_val), epochs=30,
                  callbacks=[EarlyStopping(patience=3)])
    history.plot()

Modules: ``fit`` (the loop, ``evaluate``, ``predict``), ``history``, ``callbacks``,
``checkpoint``, ``live_plot``, ``progress``, ``metrics``, ``batches`` (data to
minibatches) and ``engines`` (one step for torch / labkit.nn).
"""

from labkit.train.callbacks import Callback, EarlyStopping, ModelCheckpoint
from labkit.train.checkpoint import load_checkpoint, save_checkpoint
from labkit.train.fit import Trainer, evaluate, fit, predict
from labkit.train.history import Best, History
from labkit.train.live_plot import LivePlot
from labkit.train.metrics import accuracy
from labkit.train.progress import progress_enabled

__all__ = [
    "fit", "evaluate", "predict", "Trainer", "History", "Best",
    "Callback", "EarlyStopping", "ModelCheckpoint", "LivePlot",
    "save_checkpoint", "load_checkpoint", "accuracy", "progress_enabled",
]
