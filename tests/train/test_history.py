"""History: contents after fit, best(), plot()."""

from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib.figure import Figure
from train_helpers import blobs, torch_mlp

from labkit.train import History, fit


def test_contents_after_fit():
    X, y = blobs(80)
    history = fit(torch_mlp(), (X[:60], y[:60]), (X[60:], y[60:]), epochs=4, batch_size=16)
    assert list(history.keys()) == ["loss", "accuracy", "val_loss", "val_accuracy"]
    assert all(len(history[k]) == 4 for k in history) and len(history) == 4
    assert history.epochs == [1, 2, 3, 4]
    assert all(0 <= a <= 1 for a in history["val_accuracy"])
    assert len(history.epoch_seconds) == 4 and all(s > 0 for s in history.epoch_seconds)
    assert history.params["epochs"] == 4 and history.params["n_train"] == 60 and history.params["n_val"] == 20
    assert "History(epochs=4" in repr(history)


def test_best_picks_min_for_losses_and_max_otherwise():
    history = History()
    for loss, acc in [(0.9, 0.5), (0.4, 0.8), (0.6, 0.9)]:
        history.append({"val_loss": loss, "val_accuracy": acc})
    assert history.best("val_loss") == (1, 0.4)
    assert history.best("val_accuracy") == (2, 0.9)
    assert history.best("val_accuracy", mode="min").epoch == 0
    with pytest.raises(KeyError, match="val_data"):
        history.best("val_f1")
    with pytest.raises(ValueError, match="mode"):
        history.best("val_loss", mode="lowest")


def test_metrics_added_later_are_padded_with_nan():
    history = History()
    history.append({"loss": 1.0})
    history.append({"loss": 0.5, "extra": 3.0})
    assert math.isnan(history["extra"][0]) and history["extra"][1] == 3.0
    assert history.best("extra") == (1, 3.0)


def test_plot_draws_train_and_validation_curves():
    history = History()
    for loss, val_loss, acc in [(1.0, 1.1, 0.3), (0.5, 0.7, 0.6), (0.2, 0.6, 0.9)]:
        history.append({"loss": loss, "accuracy": acc, "val_loss": val_loss})
    fig = history.plot()
    assert isinstance(fig, Figure)
    loss_ax, acc_ax = fig.axes
    assert loss_ax.get_title() == "loss" and acc_ax.get_title() == "accuracy"
    lines = {line.get_label(): line for line in loss_ax.get_lines()}
    np.testing.assert_array_equal(lines["train"].get_ydata(), [1.0, 0.5, 0.2])
    np.testing.assert_array_equal(lines["validation"].get_ydata(), [1.1, 0.7, 0.6])
    np.testing.assert_array_equal(lines["train"].get_xdata(), [1, 2, 3])
    assert [line.get_label() for line in acc_ax.get_lines()] == ["train"]
    assert len(history.plot(("loss",)).axes) == 1
    with pytest.raises(KeyError, match="no metric"):
        history.plot(("f1",))
