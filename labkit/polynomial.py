"""Polynomial regression with an optional L2 penalty, solved exactly (the regularization lesson).

    model = PolynomialRegression(degree=9, l2=1e-3).fit(x_train, y_train)
    y_hat = model.predict(x_grid)

The model is y_hat = b + w_1 x + w_2 x^2 + ... + w_d x^d. ``fit`` minimises

    mean((y_hat - y) ** 2) + (l2 / 2) * sum(w ** 2)

(the bias b is not penalized), the convention of ``labkit.nn.l2_penalty`` and of
SGD's ``weight_decay``. Keep x roughly in [-1, 1]: powers of larger numbers explode.
``noisy_sine`` makes the small 1-D data sets the lesson overfits.
"""

from __future__ import annotations

import numpy as np

from labkit.data.validation import check_float, check_int, check_seed
from labkit.errors import NotFittedError, ShapeError


def polynomial_features(x: np.ndarray, degree: int) -> np.ndarray:
    """The powers x, x^2, ..., x^degree of every number: x (N,) -> (N, degree) (no constant column)."""
    degree = check_int("degree", degree, minimum=0)
    x = _as_inputs(x, "polynomial_features")
    return x[:, None] ** np.arange(1, degree + 1)[None, :]  # (N, degree)


def _as_inputs(x, where: str) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 2 and x.shape[1] == 1:
        x = x[:, 0]
    if x.ndim != 1:
        raise ShapeError(f"{where} expects x of shape (N,) or (N, 1), one number per example, got {x.shape}.")
    return x


class PolynomialRegression:
    """Least squares on the powers of x, with an L2 penalty on the weights (not on the bias).

    Args:
        degree: highest power d >= 0 (degree 0 predicts the mean).
        l2: penalty strength lambda >= 0 in mean squared error + (lambda / 2) * ||w||^2.

    Learned: ``coef_`` (d,) the weights w_1..w_d, ``intercept_`` the bias b.
    """

    def __init__(self, degree: int = 3, l2: float = 0.0) -> None:
        self.degree = degree
        self.l2 = l2

    def fit(self, x: np.ndarray, y: np.ndarray) -> "PolynomialRegression":
        """Solve for the weights exactly: x (N,), y (N,). Returns self."""
        degree = check_int("degree", self.degree, minimum=0)
        lam = check_float("l2", self.l2, 0.0)
        x = _as_inputs(x, "PolynomialRegression.fit")
        y = np.asarray(y, dtype=np.float64).reshape(-1)
        if len(y) != len(x):
            raise ShapeError(f"PolynomialRegression.fit got {len(x)} inputs but {len(y)} targets; give one y per x.")
        if len(x) == 0:
            raise ValueError("PolynomialRegression.fit needs at least one example, got none.")
        features = polynomial_features(x, degree)  # (N, d)
        mean_f, mean_y = features.mean(axis=0), y.mean()
        centred, target = features - mean_f, y - mean_y  # the bias absorbs the means, so it is not penalized
        # Setting the gradient (2/N) F^T (F w - y) + lam w to zero is least squares on [F; sqrt(N lam / 2) I].
        stacked = np.vstack([centred, np.sqrt(len(x) * lam / 2.0) * np.eye(degree)])  # (N + d, d)
        rhs = np.concatenate([target, np.zeros(degree)])
        self.coef_ = np.linalg.lstsq(stacked, rhs, rcond=None)[0] if degree else np.zeros(0)
        self.intercept_ = float(mean_y - mean_f @ self.coef_)
        return self

    def predict(self, x: np.ndarray) -> np.ndarray:
        """b + sum_k w_k x^k for every x: x (M,) -> (M,)."""
        if not hasattr(self, "coef_"):
            raise NotFittedError("PolynomialRegression.predict() was called before fit(x, y).")
        return polynomial_features(x, len(self.coef_)) @ self.coef_ + self.intercept_

    def mse(self, x: np.ndarray, y: np.ndarray) -> float:
        """Mean squared error of the predictions on x (N,) against y (N,)."""
        return float(np.mean((self.predict(x) - np.asarray(y, dtype=np.float64).reshape(-1)) ** 2))

    def __repr__(self) -> str:
        return f"PolynomialRegression(degree={self.degree!r}, l2={self.l2!r})"


def noisy_sine(n: int, noise: float = 0.25, *, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """n points x ~ Uniform(-1, 1) with y = sin(pi x) + Normal(0, noise): returns x (n,), y (n,)."""
    n = check_int("n", n, minimum=1)
    noise = check_float("noise", noise, 0.0)
    rng = np.random.default_rng(check_seed(seed))
    x = rng.uniform(-1.0, 1.0, n)
    return x, np.sin(np.pi * x) + rng.normal(0.0, noise, n)
