"""Property tests: minibatches cover the data once per epoch, accuracy agrees with scikit-learn."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import accuracy_score

from labkit.train import History, accuracy
from labkit.train.batches import ArrayData

SETTINGS = settings(max_examples=30, deadline=None)


@SETTINGS
@given(n=st.integers(1, 60), batch_size=st.integers(1, 70), seed=st.integers(0, 10**6))
def test_each_epoch_sees_every_example_once_in_ceil_n_over_b_batches(n, batch_size, seed):
    X = np.arange(n * 2).reshape(n, 2)
    data = ArrayData(X, np.arange(n))
    rng = np.random.default_rng(seed)
    for _ in range(2):
        batches = list(data.batches(batch_size, rng))
        assert len(batches) == math.ceil(n / batch_size)
        assert all(len(xb) == len(yb) <= batch_size for xb, yb in batches)
        seen = np.concatenate([yb for _, yb in batches])
        assert sorted(seen.tolist()) == list(range(n))
        np.testing.assert_array_equal(np.concatenate([xb for xb, _ in batches])[:, 0], 2 * seen)
    in_order = np.concatenate([yb for _, yb in data.batches(batch_size, None)])
    np.testing.assert_array_equal(in_order, np.arange(n))


@SETTINGS
@given(n=st.integers(1, 40), classes=st.integers(2, 6), seed=st.integers(0, 10**6))
def test_accuracy_agrees_with_scikit_learn(n, classes, seed):
    rng = np.random.default_rng(seed)
    scores = rng.normal(size=(n, classes))
    labels = rng.integers(0, classes, size=n)
    assert accuracy(scores, labels) == accuracy_score(labels, scores.argmax(1))
    logits = rng.normal(size=(n, 1))
    binary = rng.integers(0, 2, size=n)
    assert accuracy(logits, binary) == accuracy_score(binary, (logits[:, 0] > 0).astype(int))
    probs = 1 / (1 + np.exp(-logits))
    assert accuracy(probs, binary, logits=False) == accuracy(logits, binary)


def test_accuracy_skips_padding_targets():
    scores = np.zeros((1, 3, 4))
    scores[0, :, 2] = 1.0  # always predicts class 2
    assert accuracy(scores, np.array([[2, 1, -100]])) == 0.5


@SETTINGS
@given(values=st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=20))
def test_best_matches_argmin_and_argmax(values):
    history = History()
    for v in values:
        history.append({"val_loss": v, "val_accuracy": v})
    assert history.best("val_loss") == (int(np.argmin(values)), min(values))
    assert history.best("val_accuracy") == (int(np.argmax(values)), max(values))
