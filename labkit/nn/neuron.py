"""One artificial neuron and the perceptron learning rule (lesson 01).

A neuron computes a weighted sum of its inputs plus a bias, z = w . x + b, and
passes it through an activation: the step function (a perceptron) or the
sigmoid (a smooth neuron whose output reads as a probability).
"""

from __future__ import annotations

import numpy as np

from labkit.errors import NotFittedError, ShapeError

ACTIVATIONS = ("step", "sigmoid", "identity")


def _step(z: np.ndarray) -> np.ndarray:
    return (z >= 0).astype(float)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # Written so that neither branch overflows: exp of a non-positive number only.
    out = np.empty_like(z, dtype=float)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def _activate(z: np.ndarray, activation: str) -> np.ndarray:
    if activation == "step":
        return _step(z)
    if activation == "sigmoid":
        return _sigmoid(z)
    if activation == "identity":
        return z
    raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}.")


class Neuron:
    """A single neuron: ``activation(x @ weights + bias)``.

    Args:
        weights: (in_features,) one weight per input.
        bias: a number added to the weighted sum.
        activation: "step", "sigmoid" or "identity".

    ``neuron(x)`` takes x of shape (in_features,) or (N, in_features) and returns
    a number or an array of shape (N,).
    """

    def __init__(self, weights, bias: float = 0.0, activation: str = "step"):
        self.weights = np.asarray(weights, dtype=float)
        if self.weights.ndim != 1:
            raise ShapeError(f"Neuron weights must be 1-D (in_features,), got shape {self.weights.shape}.")
        self.bias = float(bias)
        if activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}.")
        self.activation = activation

    @property
    def in_features(self) -> int:
        return self.weights.shape[0]

    def weighted_sum(self, x) -> np.ndarray:
        """z = x @ weights + bias; x (in,) or (N, in) -> () or (N,)."""
        x = np.asarray(x, dtype=float)
        if x.shape[-1:] != (self.in_features,) or x.ndim > 2:
            raise ShapeError(
                f"Neuron with {self.in_features} weights expected x of shape ({self.in_features},) "
                f"or (N, {self.in_features}), got {x.shape}."
            )
        return x @ self.weights + self.bias

    def __call__(self, x) -> np.ndarray:
        return _activate(np.asarray(self.weighted_sum(x), dtype=float), self.activation)

    def __repr__(self) -> str:
        return f"Neuron(weights={self.weights.tolist()}, bias={self.bias}, activation={self.activation!r})"


class Perceptron:
    """Rosenblatt's perceptron, trained with the perceptron learning rule.

    For each example (x, y) with y in {0, 1}:  y_hat = step(w . x + b), then
    w <- w + lr * (y - y_hat) * x  and  b <- b + lr * (y - y_hat).

    Args:
        lr: learning rate (> 0).
        epochs: passes over the data (>= 1); training stops early once an epoch has no errors.
        shuffle: visit the examples in a new random order each epoch.
        seed: seed of that order.

    After ``fit``: ``weights_`` (in,), ``bias_``, ``errors_`` (mistakes per epoch),
    ``converged_`` (True when the last epoch made no mistake).
    """

    def __init__(self, lr: float = 0.1, epochs: int = 20, shuffle: bool = False, seed: int = 0):
        self.lr = lr
        self.epochs = epochs
        self.shuffle = shuffle
        self.seed = seed

    def fit(self, X, y) -> "Perceptron":
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        if X.ndim != 2:
            raise ShapeError(f"Perceptron.fit expected X of shape (N, features), got {X.shape}.")
        if y.shape != (X.shape[0],):
            raise ShapeError(f"Perceptron.fit expected y of shape ({X.shape[0]},) to match X, got {y.shape}.")
        if not np.isin(y, (0.0, 1.0)).all():
            raise ValueError(f"Perceptron.fit expects labels 0 and 1, got values {np.unique(y).tolist()}.")
        if not self.lr > 0:
            raise ValueError(f"lr must be > 0, got {self.lr!r}.")
        if int(self.epochs) < 1:
            raise ValueError(f"epochs must be >= 1, got {self.epochs!r}.")
        rng = np.random.default_rng(self.seed)
        self.weights_ = np.zeros(X.shape[1])
        self.bias_ = 0.0
        self.errors_: list[int] = []
        for _ in range(int(self.epochs)):
            order = rng.permutation(len(X)) if self.shuffle else np.arange(len(X))
            mistakes = 0
            for i in order:
                y_hat = 1.0 if X[i] @ self.weights_ + self.bias_ >= 0 else 0.0
                error = y[i] - y_hat
                if error != 0:
                    mistakes += 1
                    self.weights_ = self.weights_ + self.lr * error * X[i]
                    self.bias_ = self.bias_ + self.lr * error
            self.errors_.append(mistakes)
            if mistakes == 0:
                break
        self.converged_ = self.errors_[-1] == 0
        return self

    def _check_fitted(self):
        if not hasattr(self, "weights_"):
            raise NotFittedError("This Perceptron is not fitted yet: call fit(X, y) first.")

    def decision_function(self, X) -> np.ndarray:
        """w . x + b for each row of X (N, features) -> (N,)."""
        self._check_fitted()
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.weights_.shape[0]:
            raise ShapeError(f"expected X of shape (N, {self.weights_.shape[0]}), got {X.shape}.")
        return X @ self.weights_ + self.bias_

    def predict(self, X) -> np.ndarray:
        """0/1 predictions, (N, features) -> (N,)."""
        return _step(self.decision_function(X))

    def score(self, X, y) -> float:
        """Accuracy on (X, y)."""
        return float(np.mean(self.predict(X) == np.asarray(y)))
