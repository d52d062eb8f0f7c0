"""Dataset container, splits and stratification."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from labkit.data import Dataset, train_val_test_split
from labkit.data.split import split_indices


def make(n=20):
    X = np.arange(n * 3, dtype=np.float32).reshape(n, 3)
    y = np.arange(n) % 2
    return Dataset(X=X, y=y.astype(np.int64), target_names=["a", "b"], description="toy",
                   extras={"ids": [f"row{i}" for i in range(n)], "w": np.arange(n) * 10, "meta": "x"},
                   per_sample=("ids", "w"))


def test_subset_slices_per_sample_extras_with_rows():
    ds = make()
    sub = ds.subset(np.array([3, 1]))
    assert sub.X[:, 0].tolist() == [9, 3]
    assert sub.y.tolist() == [1, 1]
    assert sub.extras["ids"] == ["row3", "row1"]
    assert sub.extras["w"].tolist() == [30, 10]
    assert sub.extras["meta"] == "x"
    mask = np.zeros(len(ds), bool)
    mask[[0, 5]] = True
    assert ds.subset(mask).extras["ids"] == ["row0", "row5"]


def test_split_partitions_rows_and_keeps_extras_aligned():
    ds = make(40)
    train, val, test = ds.split(test=0.25, val=0.25, seed=3)
    assert (len(train), len(val), len(test)) == (20, 10, 10)
    ids = train.extras["ids"] + val.extras["ids"] + test.extras["ids"]
    assert sorted(ids) == sorted(ds.extras["ids"])
    for part in (train, val, test):
        rows = [int(s[3:]) for s in part.extras["ids"]]
        np.testing.assert_array_equal(part.X, ds.X[rows])
        np.testing.assert_array_equal(part.y, ds.y[rows])
    a, b = ds.split(test=0.5, seed=1)
    c, d = ds.split(test=0.5, seed=1)
    np.testing.assert_array_equal(a.X, c.X)


def test_to_torch_dtypes():
    tensors = make().to_torch().tensors
    assert tensors[0].dtype == torch.float32 and tensors[1].dtype == torch.int64
    regression = Dataset(X=np.zeros((4, 2)), y=np.ones(4))
    assert regression.to_torch().tensors[1].dtype == torch.float32
    assert len(Dataset(X=np.zeros((4, 2))).to_torch().tensors) == 1


def test_dataset_is_frozen_and_checks_lengths():
    ds = make()
    with pytest.raises(AttributeError):
        ds.X = None
    with pytest.raises(ValueError, match="X has 3 rows but y has 2"):
        Dataset(X=np.zeros((3, 1)), y=np.zeros(2))
    with pytest.raises(ValueError, match="not a key of extras"):
        Dataset(X=np.zeros((3, 1)), per_sample=("missing",))
    assert "X=float32(20, 3)" in repr(ds)


@settings(max_examples=30, deadline=None)
@given(
    counts=st.lists(st.integers(5, 60), min_size=2, max_size=5),
    test=st.floats(0.1, 0.4),
    val=st.floats(0.0, 0.3),
    seed=st.integers(0, 1000),
)
def test_stratified_split_keeps_class_proportions(counts, test, val, seed):
    y = np.concatenate([np.full(c, k) for k, c in enumerate(counts)])
    train, valid, tst = split_indices(len(y), y, val=val, test=test, seed=seed)
    assert sorted(np.concatenate([train, valid, tst]).tolist()) == list(range(len(y)))
    for k, c in enumerate(counts):  # each class: within one sample of its exact share
        assert abs((y[tst] == k).sum() - c * test) <= 1
        assert abs((y[valid] == k).sum() - c * val) <= 1


def test_train_val_test_split_returns_six_arrays_like_sklearn():
    X = np.arange(100).reshape(50, 2)
    y = np.array([0] * 40 + [1] * 10)
    X_tr, X_va, X_te, y_tr, y_va, y_te = train_val_test_split(X, y, val=0.2, test=0.2, seed=0)
    assert len(X_tr) + len(X_va) + len(X_te) == 50
    assert (y_te == 1).sum() == 2 and (y_va == 1).sum() == 2  # 10 * 0.2
    np.testing.assert_array_equal(X_tr[:, 0] // 2, X_tr[:, 1] // 2)  # rows stay whole
    assert len(train_val_test_split(X, val=0.1, test=0.1)) == 3


def test_unstratified_split_can_miss_a_rare_class_but_stratified_cannot():
    y = np.array([0] * 95 + [1] * 5)
    for seed in range(20):
        _, _, tst = split_indices(100, y, test=0.2, stratify=True, seed=seed)
        assert (y[tst] == 1).sum() == 1


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"test": 1.2}, "test must lie in"),
        ({"val": -0.1}, "val must lie in"),
        ({"val": 0.5, "test": 0.5}, "val \\+ test must be < 1"),
        ({"seed": -1}, "seed must be >= 0"),
    ],
)
def test_split_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        split_indices(10, np.zeros(10), **kwargs)


def test_split_errors_name_the_problem():
    with pytest.raises(ValueError, match="same number of rows"):
        train_val_test_split(np.zeros((5, 2)), np.zeros(4))
    with pytest.raises(ValueError, match="stratify=False"):
        train_val_test_split(np.zeros((5, 2)), np.linspace(0, 1, 5))
