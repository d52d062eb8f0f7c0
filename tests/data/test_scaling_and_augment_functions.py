"""labkit.preprocessing's scaling functions and labkit.augment.augment_dataset (lesson 07's references)
against scikit-learn and NumPy."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.preprocessing import MinMaxScaler, StandardScaler

from labkit.augment import augment_dataset, random_shift
from labkit.errors import ShapeError
from labkit.preprocessing import min_max_scale, standard_statistics, standardize

rng = np.random.default_rng(0)
X_train = np.column_stack([rng.normal(5, 3, 40), rng.uniform(-1, 1e4, 40), np.full(40, 7.0)])  # last: constant
X_test = rng.normal(0, 10, size=(9, 3))


def test_standardization_matches_sklearn():
    mean, std = standard_statistics(X_train)
    sk = StandardScaler().fit(X_train)
    np.testing.assert_allclose(mean, sk.mean_)
    np.testing.assert_allclose(std, sk.scale_)
    assert std[2] == 1.0
    np.testing.assert_allclose(standardize(X_test, mean, std), sk.transform(X_test))
    with pytest.raises(ShapeError):
        standardize(X_test, mean[:2], std)


@pytest.mark.parametrize("feature_range", [(0.0, 1.0), (-1.0, 1.0)])
def test_min_max_scale_matches_sklearn(feature_range):
    sk = MinMaxScaler(feature_range=feature_range).fit(X_train)
    ours = min_max_scale(X_test, X_train.min(axis=0), X_train.max(axis=0), feature_range)
    np.testing.assert_allclose(ours, sk.transform(X_test))
    with pytest.raises(ValueError, match="low < high"):
        min_max_scale(X_test, X_train.min(axis=0), X_train.max(axis=0), (1.0, 0.0))


def test_augment_dataset_keeps_the_originals_then_shifted_copies():
    images = rng.integers(0, 16, size=(6, 8, 8)).astype(float)
    labels = np.arange(6)
    out, out_labels = augment_dataset(images, labels, copies=3, max_shift=1, seed=0)
    assert out.shape == (24, 8, 8) and out_labels.tolist() == list(range(6)) * 4
    np.testing.assert_array_equal(out[:6], images)
    generator = np.random.default_rng(0)
    expected = [random_shift(images, 1, seed=generator) for _ in range(3)]
    np.testing.assert_array_equal(out[6:], np.concatenate(expected))
    assert not np.array_equal(out[6:12], images)
    with pytest.raises(ShapeError):
        augment_dataset(images, labels[:5], copies=1)
