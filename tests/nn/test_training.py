"""Small networks trained with labkit.nn actually learn: XOR, and handwritten digits."""

from __future__ import annotations

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

import labkit.nn as nn


def test_mlp_solves_xor():
    nn.manual_seed(0)
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([[0], [1], [1], [0]], dtype=float)
    model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))
    loss_fn = nn.BCEWithLogitsLoss()
    optimizer = nn.SGD(model.parameters(), lr=0.5, momentum=0.9)
    for _ in range(300):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        model.backward(loss_fn.backward())
        optimizer.step()
    predictions = (model(x) > 0).astype(float)
    np.testing.assert_array_equal(predictions, y)
    assert loss < 0.05


def test_mlp_reaches_97_percent_on_digits():
    x, y = load_digits(return_X_y=True)
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.25, random_state=0, stratify=y)
    mean, std = x_train.mean(axis=0), x_train.std(axis=0) + 1e-8
    x_train, x_test = (x_train - mean) / std, (x_test - mean) / std
    nn.manual_seed(0)
    model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = nn.Adam(model.parameters(), lr=2e-3)
    rng = np.random.default_rng(0)
    for _ in range(20):
        order = rng.permutation(len(x_train))
        for start in range(0, len(order), 32):
            batch = order[start:start + 32]
            optimizer.zero_grad()
            loss_fn(model(x_train[batch]), y_train[batch])
            model.backward(loss_fn.backward())
            optimizer.step()
    model.eval()
    accuracy = np.mean(model(x_test).argmax(axis=1) == y_test)
    assert accuracy >= 0.97, f"test accuracy {accuracy:.3f}"


def test_small_cnn_learns_digits_images():
    """A Conv2d -> MaxPool -> Linear network: the loss falls clearly within a few steps."""
    x, y = load_digits(return_X_y=True)
    x = (x / 16.0).reshape(-1, 1, 8, 8)[:256]
    y = y[:256]
    nn.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                          nn.Linear(4 * 4 * 4, 10))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = nn.Adam(model.parameters(), lr=1e-2)
    losses = []
    for _ in range(30):
        optimizer.zero_grad()
        losses.append(float(loss_fn(model(x), y)))
        model.backward(loss_fn.backward())
        optimizer.step()
    assert losses[-1] < 0.5 * losses[0]
