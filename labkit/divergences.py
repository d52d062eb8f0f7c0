"""Divergences between two densities on a grid, and what they say about a GAN (lesson 12).

Densities are given as their values on a uniform grid with spacing ``dx`` (so that
``p.sum() * dx`` is about 1); probability masses are the case ``dx = 1``. All logs are natural
(results in nats), and ``0 * log 0`` counts as 0.

- :func:`kl_divergence`: KL(p || q) = ∫ p log(p / q) dx.
- :func:`js_divergence`: JSD(p || q) = ½ KL(p || m) + ½ KL(q || m), with m = (p + q) / 2.
- :func:`optimal_discriminator`: D*(x) = p_data(x) / (p_data(x) + p_g(x)) (Goodfellow et al., 2014, Proposition 1).
- :func:`generator_criterion`: C(G) = max_D V(D, G) = V(D*, G) = 2 JSD(p_data || p_g) - log 4
  (Goodfellow et al., 2014, Theorem 1); lesson 12's reference for its demos.
"""

from __future__ import annotations

import numpy as np


def _densities(p, q) -> tuple[np.ndarray, np.ndarray]:
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    if p.shape != q.shape:
        raise ValueError(f"the two densities must have the same shape (values on one grid), got {p.shape} and {q.shape}.")
    if np.any(~np.isfinite(p)) or np.any(~np.isfinite(q)) or np.any(p < 0) or np.any(q < 0):
        raise ValueError("densities must be finite and >= 0 on every grid point.")
    return p, q


def _check_dx(dx) -> float:
    if isinstance(dx, bool) or not np.isscalar(dx) or not np.isfinite(dx) or dx <= 0:
        raise ValueError(f"dx is the grid spacing, a positive number, got {dx!r}.")
    return float(dx)


def kl_divergence(p, q, dx: float = 1.0) -> float:
    """KL(p || q) in nats of densities p, q (any shape, one grid of spacing dx); inf where q = 0 < p."""
    p, q = _densities(p, q)
    dx = _check_dx(dx)
    where = p > 0
    if np.any(q[where] == 0):
        return float("inf")
    return float(np.sum(p[where] * np.log(p[where] / q[where])) * dx)


def js_divergence(p, q, dx: float = 1.0) -> float:
    """JSD(p || q) in nats, between 0 (p = q) and log 2 (disjoint supports) for normalised p, q."""
    p, q = _densities(p, q)
    m = 0.5 * (p + q)
    return 0.5 * kl_divergence(p, m, dx) + 0.5 * kl_divergence(q, m, dx)


def optimal_discriminator(p_data, p_g) -> np.ndarray:
    """D*(x) = p_data / (p_data + p_g) on each grid point (same shape); 1/2 where both are 0 (D is free there)."""
    p_data, p_g = _densities(p_data, p_g)
    total = p_data + p_g
    return np.where(total > 0, p_data / np.where(total > 0, total, 1.0), 0.5)


def generator_criterion(p_data, p_g, dx: float = 1.0) -> float:
    """C(G) = max_D V(D, G) = ∫ p_data log D* + p_g log(1 - D*) dx, in nats.

    Equals 2 JSD(p_data || p_g) - log 4: -log 4 when p_g = p_data, 0 for disjoint supports.
    """
    p_data, p_g = _densities(p_data, p_g)
    dx = _check_dx(dx)
    total = p_data + p_g
    real, fake = p_data > 0, p_g > 0
    value = np.sum(p_data[real] * np.log(p_data[real] / total[real])) + np.sum(p_g[fake] * np.log(p_g[fake] / total[fake]))
    return float(value * dx)
