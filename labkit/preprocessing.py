"""Feature scaling as in ``sklearn.preprocessing``: fit on the training split, transform every split.

    scaler = StandardScaler().fit(X_train)        # learns mean_ and scale_ from training rows only
    X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)

or in one call: ``X_train, X_val, X_test = fit_transform_splits(StandardScaler(), X_train, X_val, X_test)``.
Fitting on all rows before splitting leaks the test set's statistics into training.
"""

from __future__ import annotations

import numpy as np

from labkit.data.split import train_val_test_split
from labkit.errors import NotFittedError, ShapeError

__all__ = ["MinMaxScaler", "Normalizer", "StandardScaler", "fit_transform_splits", "min_max_scale", "standard_statistics",
           "standardize", "train_val_test_split"]


class _Scaler:
    """Shared input checks: X is (N, n_features) numbers; learned attributes end in ``_``."""

    _learned = ("n_features_in_",)

    def fit_transform(self, X: np.ndarray) -> np.ndarray:
        """``fit(X)`` then ``transform(X)``: X (N, F) -> (N, F)."""
        return self.fit(X).transform(X)

    def _check_fitted(self, method: str) -> None:
        if not all(hasattr(self, name) for name in self._learned):
            raise NotFittedError(
                f"{type(self).__name__}.{method}() was called before fit(). "
                f"Call fit(X_train) first (on the training split only)."
            )

    def _check_X(self, X: np.ndarray, method: str) -> np.ndarray:
        X = np.asarray(X)
        if not (np.issubdtype(X.dtype, np.number) or X.dtype == bool):
            raise TypeError(f"{type(self).__name__}.{method}() expects numbers, got an array of dtype {X.dtype}.")
        if X.ndim != 2:
            raise ShapeError(
                f"{type(self).__name__}.{method}() expects X of shape (N, n_features), got {X.shape}. "
                "Flatten images first: X.reshape(len(X), -1)."
            )
        if method != "fit" and hasattr(self, "n_features_in_") and X.shape[1] != self.n_features_in_:
            raise ShapeError(
                f"{type(self).__name__} was fitted on {self.n_features_in_} features, "
                f"but {method}() got X with {X.shape[1]} (shape {X.shape})."
            )
        if method == "fit" and len(X) == 0:
            raise ValueError(f"{type(self).__name__}.fit() needs at least one row, got shape {X.shape}.")
        return X

    @staticmethod
    def _out_dtype(X: np.ndarray) -> np.dtype:
        return X.dtype if np.issubdtype(X.dtype, np.floating) else np.dtype(np.float64)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items() if not k.endswith("_"))
        return f"{type(self).__name__}({args})"


class StandardScaler(_Scaler):
    """z = (x - mean_) / scale_ per feature; scale_ is the standard deviation (ddof=0).

    Features with zero variance get scale_ = 1, so they become 0 rather than NaN.
    Learned: mean_ (F,), var_ (F,), scale_ (F,), n_features_in_, n_samples_seen_.
    """

    _learned = ("mean_", "scale_", "n_features_in_")

    def __init__(self, with_mean: bool = True, with_std: bool = True) -> None:
        self.with_mean = with_mean
        self.with_std = with_std

    def fit(self, X: np.ndarray, y: object = None) -> "StandardScaler":
        """Learn the per-feature mean and standard deviation of X (N, F). Returns self."""
        X = self._check_X(X, "fit").astype(np.float64)
        self.n_features_in_ = X.shape[1]
        self.n_samples_seen_ = X.shape[0]
        self.mean_ = X.mean(axis=0) if self.with_mean else np.zeros(X.shape[1])
        self.var_ = X.var(axis=0)
        constant = _is_constant(self.var_, X.mean(axis=0), len(X))
        self.scale_ = np.where(constant, 1.0, np.sqrt(self.var_)) if self.with_std else np.ones(X.shape[1])
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        """(X - mean_) / scale_: X (N, F) -> (N, F)."""
        self._check_fitted("transform")
        X = self._check_X(X, "transform")
        return ((X - self.mean_) / self.scale_).astype(self._out_dtype(X))

    def inverse_transform(self, Z: np.ndarray) -> np.ndarray:
        """Z * scale_ + mean_: undo ``transform``; Z (N, F) -> (N, F)."""
        self._check_fitted("inverse_transform")
        Z = self._check_X(Z, "inverse_transform")
        return (Z * self.scale_ + self.mean_).astype(self._out_dtype(Z))


class MinMaxScaler(_Scaler):
    """Map each feature's training [min, max] linearly onto ``feature_range`` (default [0, 1]).

    x' = x * scale_ + min_ with scale_ = (high - low) / (data_max_ - data_min_).
    A constant feature maps to ``low``. New data outside the training range lands
    outside feature_range unless ``clip=True``.
    Learned: data_min_, data_max_, data_range_, scale_, min_ (all (F,)), n_features_in_.
    """

    _learned = ("scale_", "min_", "n_features_in_")

    def __init__(self, feature_range: tuple[float, float] = (0.0, 1.0), clip: bool = False) -> None:
        self.feature_range = feature_range
        self.clip = clip

    def fit(self, X: np.ndarray, y: object = None) -> "MinMaxScaler":
        """Learn the per-feature minimum and maximum of X (N, F). Returns self."""
        low, high = self._range()
        X = self._check_X(X, "fit").astype(np.float64)
        self.n_features_in_ = X.shape[1]
        self.data_min_ = X.min(axis=0)
        self.data_max_ = X.max(axis=0)
        self.data_range_ = self.data_max_ - self.data_min_
        span = np.where(self.data_range_ < 10 * np.finfo(np.float64).eps, 1.0, self.data_range_)
        self.scale_ = (high - low) / span
        self.min_ = low - self.data_min_ * self.scale_
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        """X * scale_ + min_: X (N, F) -> (N, F), in feature_range for training-like data."""
        self._check_fitted("transform")
        X = self._check_X(X, "transform")
        out = X * self.scale_ + self.min_
        if self.clip:
            out = np.clip(out, *self._range())
        return out.astype(self._out_dtype(X))

    def inverse_transform(self, Z: np.ndarray) -> np.ndarray:
        """(Z - min_) / scale_: undo ``transform``; Z (N, F) -> (N, F)."""
        self._check_fitted("inverse_transform")
        Z = self._check_X(Z, "inverse_transform")
        return ((Z - self.min_) / self.scale_).astype(self._out_dtype(Z))

    def _range(self) -> tuple[float, float]:
        try:
            low, high = (float(v) for v in self.feature_range)
        except (TypeError, ValueError):
            raise ValueError(f"feature_range must be a (low, high) pair of numbers, got {self.feature_range!r}.") from None
        if not low < high:
            raise ValueError(f"feature_range must have low < high, got {self.feature_range!r}.")
        return low, high


class Normalizer(_Scaler):
    """Scale each *row* to unit length (norm "l2", "l1" or "max"); rows of (near) zeros stay as they are.

    Nothing is learned from the data except n_features_in_: every row is handled on
    its own, so there is no statistic to leak. The row lengths are lost, so
    ``inverse_transform`` needs them back: ``inverse_transform(Z, norms=row_norms)``.
    """

    _learned = ("n_features_in_",)
    NORMS = ("l2", "l1", "max")

    def __init__(self, norm: str = "l2") -> None:
        self.norm = norm

    def fit(self, X: np.ndarray, y: object = None) -> "Normalizer":
        """Check X (N, F) and the norm name; remember the number of features. Returns self."""
        self._check_norm()
        self.n_features_in_ = self._check_X(X, "fit").shape[1]
        return self

    def row_norms(self, X: np.ndarray) -> np.ndarray:
        """The ``norm`` of every row of X (N, F) -> (N,)."""
        self._check_norm()
        X = np.asarray(X, dtype=np.float64)
        if self.norm == "l2":
            return np.sqrt((X**2).sum(axis=1))
        if self.norm == "l1":
            return np.abs(X).sum(axis=1)
        return np.abs(X).max(axis=1)

    def transform(self, X: np.ndarray) -> np.ndarray:
        """X[i] / norm(X[i]) for every row: X (N, F) -> (N, F)."""
        self._check_fitted("transform")
        X = self._check_X(X, "transform")
        norms = self.row_norms(X)
        tiny = norms < 10 * np.finfo(np.float64).eps  # (near) zero rows are left as they are
        return (X / np.where(tiny, 1.0, norms)[:, None]).astype(self._out_dtype(X))

    def inverse_transform(self, Z: np.ndarray, norms: np.ndarray | None = None) -> np.ndarray:
        """Z[i] * norms[i]: Z (N, F), norms (N,) -> (N, F). Needs the original row lengths."""
        self._check_fitted("inverse_transform")
        Z = self._check_X(Z, "inverse_transform")
        if norms is None:
            raise ValueError(
                "Normalizer.inverse_transform needs the original row lengths: "
                "norms = normalizer.row_norms(X) before transforming, then inverse_transform(Z, norms=norms)."
            )
        norms = np.asarray(norms, dtype=np.float64)
        if norms.shape != (len(Z),):
            raise ShapeError(f"norms must have shape ({len(Z)},), one per row of Z, got {norms.shape}.")
        return (Z * norms[:, None]).astype(self._out_dtype(Z))

    def _check_norm(self) -> None:
        if self.norm not in self.NORMS:
            raise ValueError(f"Normalizer(norm={self.norm!r}) is not known; choose one of {list(self.NORMS)}.")


def _is_constant(var: np.ndarray, mean: np.ndarray, n: int) -> np.ndarray:
    """True where a variance is only floating-point rounding error (as scikit-learn decides)."""
    eps = np.finfo(np.float64).eps
    return var <= n * eps * var + (n * mean * eps) ** 2


def fit_transform_splits(scaler: _Scaler, train: np.ndarray, *others: np.ndarray) -> tuple[np.ndarray, ...]:
    """Fit ``scaler`` on ``train`` only, then transform ``train`` and each of ``others``.

    train (N, F), others (M_k, F) -> (train', *others') in the same order. This is
    the leak-free pattern: validation and test rows never influence the statistics.
    """
    if not hasattr(scaler, "fit") or not hasattr(scaler, "transform"):
        raise TypeError(f"scaler must have fit() and transform(), got {scaler!r}.")
    scaler.fit(train)
    return (scaler.transform(train), *(scaler.transform(X) for X in others))


# The same scalings as functions of arrays and statistics (lesson 07's demos use them until the learner's pass).

def standard_statistics(X_train: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """X_train (N, F) -> (mean (F,), std (F,)) as StandardScaler learns them; a constant feature gets std 1."""
    scaler = StandardScaler().fit(X_train)
    return scaler.mean_, scaler.scale_


def standardize(X: np.ndarray, mean: np.ndarray, std: np.ndarray) -> np.ndarray:
    """X (M, F), mean (F,), std (F,) -> (X - mean) / std, (M, F): StandardScaler's transform with given statistics."""
    X = np.asarray(X, dtype=np.float64)
    mean, std = np.asarray(mean, dtype=np.float64), np.asarray(std, dtype=np.float64)
    if X.ndim != 2 or mean.shape != (X.shape[1],) or std.shape != (X.shape[1],):
        raise ShapeError(f"standardize expected X (M, F), mean (F,) and std (F,), got X {X.shape}, "
                         f"mean {mean.shape} and std {std.shape}.")
    return (X - mean) / std


def min_max_scale(X: np.ndarray, data_min: np.ndarray, data_max: np.ndarray,
                  feature_range: tuple[float, float] = (0.0, 1.0)) -> np.ndarray:
    """X (M, F), data_min (F,), data_max (F,) -> (M, F) with [data_min, data_max] mapped onto feature_range,
    as MinMaxScaler fitted on data whose per-feature min and max these are (a constant feature maps to low)."""
    X = np.asarray(X, dtype=np.float64)
    low, high = MinMaxScaler(feature_range)._range()
    data_min, data_max = np.asarray(data_min, dtype=np.float64), np.asarray(data_max, dtype=np.float64)
    if X.ndim != 2 or data_min.shape != (X.shape[1],) or data_max.shape != (X.shape[1],):
        raise ShapeError(f"min_max_scale expected X (M, F), data_min (F,) and data_max (F,), got X {X.shape}, "
                         f"data_min {data_min.shape} and data_max {data_max.shape}.")
    span = data_max - data_min
    span = np.where(span < 10 * np.finfo(np.float64).eps, 1.0, span)
    return low + (high - low) * (X - data_min) / span
