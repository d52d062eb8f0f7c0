"""Two-dimensional toy classification sets: moons, circles, XOR, spirals, blobs."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from labkit.data.dataset import Dataset
from labkit.data.validation import check_choice, check_float, check_int, check_seed


def make_moons(n_samples: int = 200, noise: float = 0.1, *, seed: int = 0) -> Dataset:
    """Two interleaving half circles. X (n_samples, 2) float32, y (n_samples,) int64 in {0, 1}."""
    from sklearn.datasets import make_moons as sk_moons

    n_samples, noise, seed = _common(n_samples, noise, seed, minimum=2)
    X, y = sk_moons(n_samples=n_samples, noise=noise, random_state=seed)
    return _toy(X, y, 2, f"two moons, {n_samples} points, noise {noise:g}")


def make_circles(n_samples: int = 200, noise: float = 0.05, *, factor: float = 0.5, seed: int = 0) -> Dataset:
    """A small circle (class 1) inside a large one (class 0); factor = inner / outer radius in (0, 1)."""
    from sklearn.datasets import make_circles as sk_circles

    n_samples, noise, seed = _common(n_samples, noise, seed, minimum=2)
    factor = check_float("factor", factor, 0.0, 1.0, inclusive_min=False, inclusive_max=False)
    X, y = sk_circles(n_samples=n_samples, noise=noise, factor=factor, random_state=seed)
    return _toy(X, y, 2, f"two circles, {n_samples} points, noise {noise:g}, factor {factor:g}")


def make_xor(n_samples: int = 200, noise: float = 0.1, *, seed: int = 0) -> Dataset:
    """Points in [-1, 1]^2 labelled 1 where x1 * x2 > 0 (same-sign quadrants), plus Gaussian jitter.

    The label is fixed before the jitter is added, so noise blurs the boundary
    the way measurement error would. No single line separates the classes.
    """
    n_samples, noise, seed = _common(n_samples, noise, seed, minimum=1)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, size=(n_samples, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(np.int64)
    X = X + rng.normal(0.0, noise, size=X.shape)
    return _toy(X, y, 2, f"XOR quadrants, {n_samples} points, noise {noise:g}")


def make_spirals(
    n_samples: int = 300, noise: float = 0.05, *, n_classes: int = 2, turns: float = 1.5, seed: int = 0
) -> Dataset:
    """``n_classes`` interleaved arms of an Archimedean spiral, each ``turns`` revolutions long.

    Radius grows from 0 to 1 along an arm; noise is Gaussian, in units of that radius.
    Classes get n_samples // n_classes points (the first ones get the remainder).
    """
    n_samples, noise, seed = _common(n_samples, noise, seed, minimum=1)
    n_classes = check_int("n_classes", n_classes, minimum=2, maximum=10)
    turns = check_float("turns", turns, 0.0, 5.0, inclusive_min=False)
    rng = np.random.default_rng(seed)
    counts = np.full(n_classes, n_samples // n_classes)
    counts[: n_samples % n_classes] += 1
    points, labels = [], []
    for k, count in enumerate(counts):
        radius = np.linspace(0.05, 1.0, count)
        angle = 2 * np.pi * (turns * radius + k / n_classes)
        arm = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
        points.append(arm + rng.normal(0.0, noise, size=arm.shape))
        labels.append(np.full(count, k))
    order = rng.permutation(n_samples)
    X, y = np.concatenate(points)[order], np.concatenate(labels)[order]
    return _toy(X, y, n_classes, f"{n_classes}-arm spiral, {turns:g} turns, {n_samples} points, noise {noise:g}")


def make_blobs(n_samples: int = 200, noise: float = 1.0, *, n_classes: int = 3, seed: int = 0) -> Dataset:
    """Gaussian clusters with standard deviation ``noise`` around centres drawn in [-5, 5]^2."""
    from sklearn.datasets import make_blobs as sk_blobs

    n_samples, noise, seed = _common(n_samples, noise, seed, minimum=1)
    n_classes = check_int("n_classes", n_classes, minimum=1, maximum=20)
    X, y = sk_blobs(
        n_samples=n_samples, centers=n_classes, cluster_std=noise, center_box=(-5.0, 5.0), random_state=seed
    )
    return _toy(X, y, n_classes, f"{n_classes} Gaussian blobs, {n_samples} points, std {noise:g}")


TOY_SETS: dict[str, Callable[..., Dataset]] = {
    "moons": make_moons,
    "circles": make_circles,
    "xor": make_xor,
    "spirals": make_spirals,
    "blobs": make_blobs,
}


def load_toy(name: str, n_samples: int = 200, noise: float | None = None, *, seed: int = 0, **options) -> Dataset:
    """One of the 2-D toy sets by name: "moons", "circles", "xor", "spirals" or "blobs".

    noise=None uses the set's own default; ``options`` go to the maker
    (e.g. ``n_classes=3, turns=2`` for spirals, ``factor=0.3`` for circles).
    """
    maker = TOY_SETS[check_choice("name", name, TOY_SETS)]
    if noise is not None:
        options["noise"] = noise
    try:
        return maker(n_samples, seed=seed, **options)
    except TypeError as error:
        if "unexpected keyword" in str(error):
            raise TypeError(f"load_toy({name!r}) got an option it does not take: {error}.") from None
        raise


def _common(n_samples: object, noise: object, seed: object, minimum: int) -> tuple[int, float, int]:
    n_samples = check_int("n_samples", n_samples, minimum=minimum)
    noise = check_float("noise", noise, 0.0, 10.0)
    return n_samples, noise, check_seed(seed)


def _toy(X: np.ndarray, y: np.ndarray, n_classes: int, description: str) -> Dataset:
    return Dataset(
        X=np.asarray(X, dtype=np.float32),
        y=np.asarray(y, dtype=np.int64),
        feature_names=["x1", "x2"],
        target_names=[f"class {k}" for k in range(n_classes)],
        description=description,
    )
