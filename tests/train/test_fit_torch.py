"""fit() on torch models: learning, exact agreement with a hand-written loop, seeds, data forms, errors."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from train_helpers import blobs, torch_mlp

from labkit.errors import NonFiniteError, ShapeError
from labkit.train import evaluate, fit, predict


def test_fit_reduces_the_loss_and_learns():
    X, y = blobs(300)
    model = torch_mlp()
    history = fit(model, (X[:240], y[:240]), (X[240:], y[240:]), epochs=15, batch_size=16, lr=1e-2)
    assert len(history) == 15
    assert history["loss"][-1] < 0.3 * history["loss"][0]
    assert history["val_accuracy"][-1] >= 0.95
    assert not model.training, "fit leaves the model in eval mode"


@pytest.mark.parametrize("batch_size", [300, 64, 7])
def test_matches_a_hand_written_sgd_loop(batch_size):
    """Same seed -> same permutation -> the same weights and per-epoch mean losses as plain torch code."""
    X, y = blobs(300)
    model, reference = torch_mlp(seed=1), torch_mlp(seed=1)
    history = fit(model, (X, y), epochs=3, batch_size=batch_size, optimizer="sgd", lr=0.05, seed=5, metrics=["loss"])

    opt = torch.optim.SGD(reference.parameters(), lr=0.05)
    loss_fn = torch.nn.CrossEntropyLoss()
    Xt, yt = torch.tensor(X), torch.tensor(y)
    rng = np.random.default_rng(5)
    expected = []
    for _ in range(3):
        order = torch.as_tensor(rng.permutation(len(X)))
        total = 0.0
        for start in range(0, len(X), batch_size):
            idx = order[start : start + batch_size]
            loss = loss_fn(reference(Xt[idx]), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        expected.append(total / len(X))
    np.testing.assert_allclose(history["loss"], expected, rtol=1e-5)
    for p, q in zip(model.parameters(), reference.parameters()):
        torch.testing.assert_close(p, q)


def test_validation_metrics_equal_evaluate_and_predict_after_training():
    X, y = blobs(200)

    def share_of_class_zero(y_pred, y_true):
        return float(np.mean(y_pred.argmax(1) == 0))

    model = torch_mlp()
    history = fit(model, (X[:150], y[:150]), (X[150:], y[150:]), epochs=4,
                  metrics=["loss", "accuracy", share_of_class_zero])
    assert set(history.keys()) == {"loss", "accuracy", "share_of_class_zero",
                                   "val_loss", "val_accuracy", "val_share_of_class_zero"}
    logits = predict(model, X[150:])
    with torch.no_grad():
        expected_loss = torch.nn.functional.cross_entropy(torch.tensor(logits), torch.tensor(y[150:])).item()
    assert history["val_loss"][-1] == pytest.approx(expected_loss, rel=1e-5)
    assert history["val_accuracy"][-1] == pytest.approx(np.mean(logits.argmax(1) == y[150:]))
    assert history["val_share_of_class_zero"][-1] == pytest.approx(np.mean(logits.argmax(1) == 0))
    scores = evaluate(model, (X[150:], y[150:]))
    assert scores["loss"] == pytest.approx(expected_loss, rel=1e-5)


def test_same_seed_same_run_other_seed_other_run():
    X, y = blobs(120)
    runs = []
    for seed in (3, 3, 4):
        model = torch_mlp(seed=0, dropout=0.3)
        runs.append(fit(model, (X, y), (X, y), epochs=3, batch_size=8, seed=seed)["loss"])
    assert runs[0] == runs[1]
    assert runs[0] != runs[2]


def test_binary_and_regression_losses():
    X, y = blobs(200, classes=2)
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1))
    history = fit(model, (X, y), (X, y), loss="bce_with_logits", epochs=20, lr=1e-2)
    assert history["val_accuracy"][-1] >= 0.95  # single logits read with threshold 0

    target = (X @ np.array([1.0, -2.0, 0.5, 0.0])).astype(np.float32)
    model = torch.nn.Linear(4, 1)
    history = fit(model, (X, target), loss="mse", epochs=30, lr=5e-2)
    assert "accuracy" not in history, "no accuracy by default for a regression loss"
    assert history["loss"][-1] < 0.01 * history["loss"][0]


def test_accepts_labkit_dataset_torch_dataset_and_loader():
    from torch.utils.data import DataLoader, TensorDataset

    from labkit.data import Dataset

    X, y = blobs(64)
    tensors = TensorDataset(torch.tensor(X), torch.tensor(y))
    for data in (Dataset(X=X, y=y), tensors, DataLoader(tensors, batch_size=16, shuffle=True)):
        history = fit(torch_mlp(), data, data, epochs=2, batch_size=16)
        assert len(history["val_loss"]) == 2 and np.isfinite(history["val_loss"]).all()


def test_torch_dataset_runs_are_seeded():
    from torch.utils.data import TensorDataset

    X, y = blobs(64)
    data = TensorDataset(torch.tensor(X), torch.tensor(y))
    a = fit(torch_mlp(), data, epochs=2, batch_size=8, seed=1)["loss"]
    b = fit(torch_mlp(), data, epochs=2, batch_size=8, seed=1)["loss"]
    assert a == b


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"epochs": 0}, ValueError, "epochs must be an integer >= 1, got 0"),
        ({"epochs": 2.5}, ValueError, "epochs"),
        ({"batch_size": 0}, ValueError, "batch_size must be an integer >= 1, got 0"),
        ({"batch_size": True}, ValueError, "batch_size"),
        ({"loss": "hinge"}, ValueError, "unknown loss 'hinge'"),
        ({"optimizer": "lbfgs2"}, ValueError, "unknown optimizer"),
        ({"callbacks": [print]}, TypeError, "Callback"),
        ({"device": "cuda:0"} if not torch.cuda.is_available() else {"epochs": -1}, ValueError, "cuda|epochs"),
    ],
)
def test_bad_arguments_are_explained(kwargs, error, words):
    X, y = blobs(20)
    with pytest.raises(error, match=words):
        fit(torch_mlp(), (X, y), **kwargs)


def test_mismatched_lengths_name_both_sizes():
    X, y = blobs(20)
    with pytest.raises(ShapeError, match=r"X has 20 examples .* y has 19"):
        fit(torch_mlp(), (X, y[:19]))
    with pytest.raises(ShapeError, match="val_data"):
        fit(torch_mlp(), (X, y), (X[:5], y[:4]))
    with pytest.raises(TypeError, match=r"\(X, y\) arrays"):
        fit(torch_mlp(), X)
    with pytest.raises(ValueError, match="empty"):
        fit(torch_mlp(), (X[:0], y[:0]))


def test_exploding_loss_raises_non_finite_error():
    X, y = blobs(50)
    X[3, 0] = np.nan
    with pytest.raises(NonFiniteError, match="epoch 0"):
        fit(torch_mlp(), (X, y), epochs=1, batch_size=50)
