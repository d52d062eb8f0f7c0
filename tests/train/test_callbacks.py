"""EarlyStopping and ModelCheckpoint on constructed validation curves."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from train_helpers import blobs, same_weights, torch_mlp, weights_of

from labkit.train import Callback, EarlyStopping, ModelCheckpoint, fit, load_checkpoint


class ConstructedCurve(Callback):
    """Overwrites ``logs[name]`` with a prepared value per epoch, so the curve is known exactly."""

    def __init__(self, values, name="val_loss"):
        self.values, self.name = values, name

    def on_epoch_end(self, epoch, logs, trainer):
        logs[self.name] = self.values[epoch]


class WeightRecorder(Callback):
    """Remembers the weights after every epoch (before later callbacks run)."""

    def on_train_begin(self, trainer):
        self.weights = []

    def on_epoch_end(self, epoch, logs, trainer):
        self.weights.append(weights_of(trainer.model))


DATA = blobs(60)


def run(curve, stopper, name="val_loss", epochs=None, extra=()):
    recorder = WeightRecorder()
    model = torch_mlp()
    history = fit(model, DATA, DATA, epochs=epochs or len(curve), batch_size=20,
                  callbacks=[ConstructedCurve(curve, name), recorder, stopper, *extra])
    return model, history, recorder


def test_stops_after_patience_epochs_without_improvement_and_restores_best():
    curve = [1.0, 0.8, 0.6, 0.65, 0.7, 0.62, 0.1, 0.05]
    stopper = EarlyStopping(patience=3)
    model, history, recorder = run(curve, stopper)
    assert stopper.best_epoch_ == 2 and stopper.best_ == 0.6
    assert stopper.stopped_epoch_ == 5 and history.stopped_epoch == 5
    assert len(history) == 6, "epochs 0..5 ran; the better value at epoch 6 was never reached"
    assert same_weights(weights_of(model), recorder.weights[2])
    assert not same_weights(weights_of(model), recorder.weights[5])


def test_without_restore_the_last_weights_stay():
    curve = [1.0, 0.8, 0.6, 0.65, 0.7, 0.62, 0.1]
    model, history, recorder = run(curve, EarlyStopping(patience=3, restore_best=False))
    assert same_weights(weights_of(model), recorder.weights[5])


def test_min_delta_and_max_mode():
    stopper = EarlyStopping(patience=2, min_delta=0.1)
    _, history, _ = run([1.0, 0.95, 0.92, 0.5], stopper)
    assert stopper.stopped_epoch_ == 2 and stopper.best_epoch_ == 0

    stopper = EarlyStopping(monitor="val_accuracy", patience=1)
    _, history, _ = run([0.5, 0.7, 0.69, 0.9], stopper, name="val_accuracy")
    assert stopper.best_epoch_ == 1 and stopper.stopped_epoch_ == 2


def test_runs_to_the_end_while_improving():
    stopper = EarlyStopping(patience=1)
    _, history, _ = run([0.5, 0.4, 0.3], stopper)
    assert len(history) == 3 and stopper.stopped_epoch_ is None and history.stopped_epoch is None


def test_real_validation_loss_of_an_overfitting_model():
    """Noisy labels and a big network: val_loss turns up, training stops and keeps the best epoch."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(80, 4)).astype(np.float32)
    y = rng.integers(0, 3, size=80)
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 128), torch.nn.ReLU(), torch.nn.Linear(128, 3))
    stopper = EarlyStopping(patience=2)
    history = fit(model, (X[:40], y[:40]), (X[40:], y[40:]), epochs=200, batch_size=8, lr=1e-2, callbacks=[stopper])
    assert len(history) < 200
    assert history.best("val_loss").epoch == stopper.best_epoch_ == len(history) - 3


def test_monitor_missing_without_validation_data_is_explained():
    with pytest.raises(ValueError, match="Pass val_data"):
        fit(torch_mlp(), DATA, epochs=2, callbacks=[EarlyStopping()])
    with pytest.raises(ValueError, match="patience"):
        EarlyStopping(patience=0)


def test_checkpoint_keeps_the_best_epoch(tmp_path):
    path = tmp_path / "best.pt"
    checkpoint = ModelCheckpoint(path, monitor="val_loss", save_best_only=True)
    _, history, recorder = run([0.9, 0.5, 0.7, 0.4, 0.6], checkpoint)
    assert checkpoint.best_epoch_ == 3 and len(checkpoint.saved_paths_) == 3  # epochs 0, 1, 3 improved
    restored = load_checkpoint(torch_mlp(seed=7), path)
    assert same_weights(weights_of(restored), recorder.weights[3])


def test_checkpoint_every_epoch_with_formatted_names(tmp_path):
    checkpoint = ModelCheckpoint(tmp_path / "m-{epoch:02d}-{val_loss:.1f}.pt", save_best_only=False)
    run([0.9, 0.5, 0.7], checkpoint)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m-01-0.9.pt", "m-02-0.5.pt", "m-03-0.7.pt"]


def test_callback_reused_across_runs_starts_fresh():
    stopper = EarlyStopping(patience=1)
    run([0.5, 0.6, 0.7], stopper)
    assert stopper.stopped_epoch_ == 1
    run([0.9, 0.8, 0.7], stopper)
    assert stopper.stopped_epoch_ is None and stopper.best_ == 0.7
