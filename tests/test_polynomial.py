"""labkit.polynomial: exact polynomial regression with an L2 penalty, checked against NumPy and scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labkit.errors import NotFittedError, ShapeError
from labkit.polynomial import PolynomialRegression, noisy_sine, polynomial_features


def test_features_are_the_powers():
    np.testing.assert_allclose(polynomial_features([2.0, -1.0], 3), [[2, 4, 8], [-1, 1, -1]])
    assert polynomial_features([1.0, 2.0], 0).shape == (2, 0)


def test_without_penalty_matches_polyfit():
    x, y = noisy_sine(20, seed=3)
    model = PolynomialRegression(degree=5).fit(x, y)
    coefficients = np.polyfit(x, y, 5)[::-1]  # constant first
    np.testing.assert_allclose(model.intercept_, coefficients[0], rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(model.coef_, coefficients[1:], rtol=1e-7, atol=1e-9)


@settings(max_examples=25, deadline=None)
@given(degree=st.integers(1, 8), lam=st.floats(1e-4, 10.0), n=st.integers(5, 40), seed=st.integers(0, 1000))
def test_penalized_fit_matches_sklearn_ridge_and_zeroes_the_gradient(degree, lam, n, seed):
    from sklearn.linear_model import Ridge

    x, y = noisy_sine(n, seed=seed)
    model = PolynomialRegression(degree, l2=lam).fit(x, y)
    # mean((Fw + b - y)^2) + lam/2 |w|^2  is  (1/N) * (|Fw + b - y|^2 + N lam / 2 |w|^2): Ridge with alpha = N lam / 2
    F = polynomial_features(x, degree)
    ridge = Ridge(alpha=n * lam / 2, fit_intercept=True, solver="svd").fit(F, y)
    np.testing.assert_allclose(model.coef_, ridge.coef_, rtol=1e-5, atol=1e-7)
    residual = F @ model.coef_ + model.intercept_ - y
    grad_w = 2 * F.T @ residual / n + lam * model.coef_
    grad_b = 2 * residual.mean()
    np.testing.assert_allclose(grad_w, 0.0, atol=1e-7)
    np.testing.assert_allclose(grad_b, 0.0, atol=1e-9)


def test_degree_zero_predicts_the_mean_and_penalty_shrinks():
    x, y = noisy_sine(12, seed=1)
    np.testing.assert_allclose(PolynomialRegression(0).fit(x, y).predict([0.3, 5.0]), [y.mean()] * 2)
    norms = [np.linalg.norm(PolynomialRegression(9, lam).fit(x, y).coef_) for lam in (1e-6, 1e-3, 1e-1, 10.0)]
    assert all(a > b for a, b in zip(norms, norms[1:])), norms


def test_errors():
    with pytest.raises(NotFittedError, match="before fit"):
        PolynomialRegression().predict([0.0])
    with pytest.raises(ShapeError, match=r"\(N,\)"):
        PolynomialRegression().fit(np.zeros((3, 2)), np.zeros(3))
    with pytest.raises(ShapeError, match="targets"):
        PolynomialRegression().fit(np.zeros(3), np.zeros(4))
    with pytest.raises(ValueError, match="l2"):
        PolynomialRegression(l2=-1.0).fit(np.zeros(3), np.zeros(3))


def test_noisy_sine_is_repeatable():
    a, b = noisy_sine(5, seed=2), noisy_sine(5, seed=2)
    np.testing.assert_array_equal(a[0], b[0])
    x, y = noisy_sine(1000, noise=0.0, seed=0)
    np.testing.assert_allclose(y, np.sin(np.pi * x))
    assert x.min() >= -1 and x.max() <= 1
