"""A ring of Gaussian blobs in the plane, the standard test of whether a GAN covers every mode.

- :func:`make_ring`: points from ``n_modes`` Gaussians (standard deviation ``std``) evenly spaced on a circle.
- :func:`mode_coverage`: how many modes generated samples cover, and how many samples are near any mode.
"""

from __future__ import annotations

import numpy as np

from labkit.data.validation import check_float, check_int, check_seed


def ring_centers(n_modes: int = 8, radius: float = 2.0) -> np.ndarray:
    """(n_modes, 2) centres on a circle of ``radius``, the first at angle 0, counter-clockwise."""
    n_modes = check_int("n_modes", n_modes, minimum=1)
    angles = 2 * np.pi * np.arange(n_modes) / n_modes
    return radius * np.stack([np.cos(angles), np.sin(angles)], axis=1)


def make_ring(n: int = 10_000, n_modes: int = 8, radius: float = 2.0, std: float = 0.1, *,
              seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points, each from a mode chosen uniformly: its centre plus N(0, std^2) noise per axis.

    Returns X (n, 2) float32 and centers (n_modes, 2) float64.
    """
    n = check_int("n", n, minimum=1)
    std = check_float("std", std, 0.0, 10.0, inclusive_min=False)
    seed = check_seed(seed)
    centers = ring_centers(n_modes, radius)
    rng = np.random.default_rng(seed)
    which = rng.integers(0, len(centers), size=n)
    X = centers[which] + rng.normal(0.0, std, size=(n, 2))
    return X.astype(np.float32), centers


def mode_coverage(samples, centers, std: float, min_fraction: float = 0.01) -> tuple[int, float]:
    """(modes covered, fraction of high-quality samples) of generated ``samples`` (N, 2).

    A sample is *high quality* when its nearest centre is less than 3 ``std`` away; it then counts
    for that centre. A mode is *covered* when at least ``min_fraction`` of all N samples count for it.
    """
    samples = np.asarray(samples, dtype=float)
    centers = np.asarray(centers, dtype=float)
    if samples.ndim != 2 or centers.ndim != 2 or samples.shape[1] != centers.shape[1] or len(samples) == 0:
        raise ValueError(f"samples (N, D) and centers (K, D) must share D and N >= 1; got {samples.shape} and {centers.shape}.")
    distances = np.linalg.norm(samples[:, None, :] - centers[None, :, :], axis=2)  # (N, K)
    nearest = distances.argmin(axis=1)
    good = distances.min(axis=1) < 3 * std
    counts = np.bincount(nearest[good], minlength=len(centers))
    return int(np.sum(counts >= min_fraction * len(samples))), float(np.mean(good))
