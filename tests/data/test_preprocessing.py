"""Scalers against scikit-learn, the not-fitted error, and a leakage test."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn import preprocessing as sk

from labkit.errors import NotFittedError, ShapeError
from labkit.preprocessing import MinMaxScaler, Normalizer, StandardScaler, fit_transform_splits

finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False, width=64)
tables = st.integers(1, 30).flatmap(
    lambda n: st.integers(1, 6).flatmap(lambda f: arrays(np.float64, (n, f), elements=finite))
)

PAIRS = [
    (lambda: StandardScaler(), lambda: sk.StandardScaler(), ["mean_", "var_", "scale_"]),
    (lambda: StandardScaler(with_mean=False), lambda: sk.StandardScaler(with_mean=False), ["scale_"]),
    (lambda: MinMaxScaler(), lambda: sk.MinMaxScaler(), ["data_min_", "data_max_", "data_range_", "scale_", "min_"]),
    (lambda: MinMaxScaler((-1, 3)), lambda: sk.MinMaxScaler((-1, 3)), ["scale_", "min_"]),
    (lambda: Normalizer(), lambda: sk.Normalizer(), []),
    (lambda: Normalizer("l1"), lambda: sk.Normalizer("l1"), []),
    (lambda: Normalizer("max"), lambda: sk.Normalizer("max"), []),
]


@pytest.mark.parametrize("ours, theirs, learned", PAIRS)
@settings(max_examples=30, deadline=None)
@given(X=tables, shift=st.floats(-5, 5), new=st.integers(1, 5))
def test_matches_scikit_learn(ours, theirs, learned, X, shift, new):
    a, b = ours().fit(X), theirs().fit(X)
    for name in learned:
        np.testing.assert_allclose(getattr(a, name), getattr(b, name), rtol=1e-9, atol=1e-9, err_msg=name)
    unseen = X[:new] * 1.5 + shift  # transform data that was not used to fit
    np.testing.assert_allclose(a.transform(unseen), b.transform(unseen), rtol=1e-7, atol=1e-7)
    if not isinstance(a, Normalizer):
        np.testing.assert_allclose(a.inverse_transform(a.transform(unseen)), unseen, rtol=1e-6, atol=1e-6)


def test_statistics_on_random_data():
    X = np.random.default_rng(0).normal(5.0, 3.0, size=(500, 4)).astype(np.float32)
    Z = StandardScaler().fit_transform(X)
    assert Z.dtype == np.float32
    np.testing.assert_allclose(Z.mean(axis=0), 0, atol=1e-5)
    np.testing.assert_allclose(Z.std(axis=0), 1, atol=1e-5)
    M = MinMaxScaler((2, 4)).fit_transform(X)
    np.testing.assert_allclose(M.min(axis=0), 2, atol=1e-5)
    np.testing.assert_allclose(M.max(axis=0), 4, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(Normalizer().fit_transform(X), axis=1), 1, atol=1e-5)


def test_constant_feature_gives_no_nan():
    X = np.c_[np.ones(5), np.arange(5.0)]
    assert np.isfinite(StandardScaler().fit_transform(X)).all()
    np.testing.assert_allclose(MinMaxScaler().fit_transform(X)[:, 0], 0)
    np.testing.assert_allclose(Normalizer().fit_transform(np.zeros((2, 3))), 0)


@pytest.mark.parametrize("scaler", [StandardScaler(), MinMaxScaler(), Normalizer()])
def test_not_fitted_error_before_fit(scaler):
    with pytest.raises(NotFittedError, match=r"before fit\(\)"):
        scaler.transform(np.zeros((2, 2)))
    with pytest.raises(NotFittedError):
        scaler.inverse_transform(np.zeros((2, 2)))


def test_shape_errors_say_what_was_expected():
    scaler = StandardScaler().fit(np.zeros((4, 3)))
    with pytest.raises(ShapeError, match="fitted on 3 features"):
        scaler.transform(np.zeros((2, 5)))
    with pytest.raises(ShapeError, match="Flatten images first"):
        StandardScaler().fit(np.zeros((4, 1, 8, 8)))
    with pytest.raises(ValueError, match="low < high"):
        MinMaxScaler((1, 0)).fit(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="choose one of"):
        Normalizer("l3").fit(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="needs the original row lengths"):
        Normalizer().fit(np.ones((2, 2))).inverse_transform(np.ones((2, 2)))


def test_normalizer_inverse_with_norms():
    X = np.random.default_rng(1).normal(size=(6, 3))
    normalizer = Normalizer().fit(X)
    norms = normalizer.row_norms(X)
    np.testing.assert_allclose(normalizer.inverse_transform(normalizer.transform(X), norms=norms), X)


def test_learned_state_ends_in_underscore_and_init_only_stores():
    scaler = MinMaxScaler(feature_range=(0, 2))
    assert vars(scaler) == {"feature_range": (0, 2), "clip": False}
    scaler.fit(np.arange(6.0).reshape(3, 2))
    assert all(k.endswith("_") for k in vars(scaler) if k not in ("feature_range", "clip"))
    assert scaler.fit(np.ones((2, 2))) is scaler


def test_fit_transform_splits_uses_training_statistics_only():
    """Leakage: fitting on all rows lets the test rows move the training statistics."""
    rng = np.random.default_rng(0)
    train = rng.normal(0.0, 1.0, size=(200, 3))
    test = rng.normal(4.0, 2.0, size=(50, 3))  # a shifted test set, as after a data drift
    train_z, test_z = fit_transform_splits(StandardScaler(), train, test)
    np.testing.assert_allclose(train_z.mean(axis=0), 0, atol=1e-12)  # exactly centred on train
    assert (test_z.mean(axis=0) > 3).all()  # the drift stays visible

    leaky = StandardScaler().fit(np.vstack([train, test]))  # the mistake
    assert not np.allclose(leaky.mean_, train.mean(axis=0), atol=0.1)
    assert not np.allclose(leaky.transform(test), test_z, atol=0.1)
    # same answer as fitting by hand on train only
    manual = StandardScaler().fit(train)
    np.testing.assert_allclose(test_z, manual.transform(test))


def test_fit_transform_splits_returns_one_array_per_split():
    a, b, c = fit_transform_splits(MinMaxScaler(), np.arange(10.0).reshape(5, 2), np.zeros((2, 2)), np.ones((3, 2)))
    assert (a.shape, b.shape, c.shape) == ((5, 2), (2, 2), (3, 2))
    with pytest.raises(TypeError, match="fit\\(\\) and transform\\(\\)"):
        fit_transform_splits(object(), np.zeros((2, 2)))
