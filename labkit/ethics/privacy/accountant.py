"""The privacy accountant: how much privacy (epsilon) has DP-SGD spent?

Each DP-SGD step is a *subsampled Gaussian mechanism*: a random fraction q (the sample
rate) of the data takes part, and Gaussian noise with standard deviation
sigma = noise_multiplier (in units of the clipping norm) is added to their summed
gradients. Renyi differential privacy (RDP) tracks its cost at each order alpha > 1:

    RDP(alpha) of one step = log(A_alpha) / (alpha - 1)      (Mironov, Talwar & Zhang, 2019)
    A_alpha = E_{z ~ N(0, sigma^2)} [ ((1 - q) + q * exp((2z - 1) / (2 sigma^2)))^alpha ]

Costs of steps add up, and the total converts to an (epsilon, delta) guarantee
(Balle et al., 2020, Theorem 21), taking the best order:

    epsilon = min over alpha of  RDP(alpha) + log((alpha - 1) / alpha) - (log(delta) + log(alpha)) / (alpha - 1)

The orders are those Opacus uses, so the numbers agree with ``opacus.accountants.RDPAccountant``.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np
from scipy import special

DEFAULT_ORDERS = tuple([1 + x / 10.0 for x in range(1, 100)] + list(range(12, 64)))


def _log_sum_exp(log_terms: np.ndarray, signs: np.ndarray | float = 1.0) -> float:
    """log(sum_k signs_k * exp(log_terms_k)) without overflow (the sum must be positive)."""
    largest = float(np.max(log_terms))
    return largest + math.log(float(np.sum(signs * np.exp(log_terms - largest))))


def _log_a_integer(q: float, sigma: float, alpha: int) -> float:
    """log A_alpha for an integer order: expand the power with the binomial theorem,

    A_alpha = sum_{i=0}^{alpha} C(alpha, i) q^i (1 - q)^(alpha - i) exp((i^2 - i) / (2 sigma^2)).
    """
    i = np.arange(alpha + 1)
    log_binomial = special.gammaln(alpha + 1) - special.gammaln(i + 1) - special.gammaln(alpha - i + 1)
    log_terms = log_binomial + i * math.log(q) + (alpha - i) * math.log1p(-q) + (i * i - i) / (2 * sigma**2)
    return _log_sum_exp(log_terms)


def _log_a_fractional(q: float, sigma: float, alpha: float) -> float:
    """log A_alpha for a fractional order: the two series of Mironov et al. (2019), Section 3.3.

    The integral is split at z0, where the two Gaussians' mixture weights cross; the binomial
    series (with generalised, possibly negative, coefficients C(alpha, i)) is summed on each
    side until its terms fall below exp(-30), as Opacus does.
    """
    z0 = sigma**2 * math.log(1 / q - 1) + 0.5
    n_terms = 64
    while True:
        i = np.arange(n_terms, dtype=float)
        j = alpha - i
        coefficient = special.binom(alpha, i)  # (n_terms,), signs alternate once i > alpha
        log_coefficient = np.log(np.abs(coefficient))
        log_erfc_first = math.log(2) + special.log_ndtr(-(i - z0) / sigma)  # log erfc((i - z0) / (sqrt(2) sigma))
        log_erfc_second = math.log(2) + special.log_ndtr(-(z0 - j) / sigma)
        first = (log_coefficient + i * math.log(q) + j * math.log1p(-q) + (i * i - i) / (2 * sigma**2)
                 + math.log(0.5) + log_erfc_first)
        second = (log_coefficient + j * math.log(q) + i * math.log1p(-q) + (j * j - j) / (2 * sigma**2)
                  + math.log(0.5) + log_erfc_second)
        small = np.flatnonzero(np.maximum(first, second) < -30)
        if small.size:
            last = small[0]  # the first negligible pair is still added, then the series stops
            break
        n_terms *= 2
    log_terms = np.concatenate([first[: last + 1], second[: last + 1]])
    signs = np.tile(np.sign(coefficient[: last + 1]), 2)
    return _log_sum_exp(log_terms, signs)


def compute_rdp(noise_multiplier: float, sample_rate: float, steps: int,
                orders: Sequence[float] = DEFAULT_ORDERS) -> np.ndarray:
    """RDP of ``steps`` subsampled Gaussian steps at each order, shape (len(orders),)."""
    _check(noise_multiplier, sample_rate, steps)
    q, sigma = float(sample_rate), float(noise_multiplier)
    rdp = []
    for alpha in orders:
        if sigma == 0:
            rdp.append(math.inf)
        elif q == 1.0:
            rdp.append(alpha / (2 * sigma**2))  # the plain Gaussian mechanism
        elif float(alpha).is_integer():
            rdp.append(_log_a_integer(q, sigma, int(alpha)) / (alpha - 1))
        else:
            rdp.append(_log_a_fractional(q, sigma, alpha) / (alpha - 1))
    return np.array(rdp) * steps


def rdp_to_epsilon(rdp: np.ndarray, delta: float, orders: Sequence[float] = DEFAULT_ORDERS) -> tuple[float, float]:
    """Best (epsilon, order) for a given RDP curve (len(orders),) and delta (Balle et al., 2020)."""
    _check_delta(delta)
    orders = np.asarray(orders, dtype=float)
    with np.errstate(invalid="ignore"):
        epsilon = rdp + np.log1p(-1 / orders) - (math.log(delta) + np.log(orders)) / (orders - 1)
    if np.isnan(epsilon).all() or np.isinf(epsilon).all():
        return math.inf, math.nan
    best = int(np.nanargmin(epsilon))
    return float(epsilon[best]), float(orders[best])


def compute_epsilon(noise_multiplier: float, sample_rate: float, steps: int, delta: float,
                    orders: Sequence[float] = DEFAULT_ORDERS) -> float:
    """Epsilon spent by ``steps`` DP-SGD steps with this noise multiplier and sample rate, at ``delta``.

    Args:
        noise_multiplier: noise standard deviation / clipping norm (sigma), >= 0.
        sample_rate: probability q that an example is in a batch (batch size / dataset size), in (0, 1].
        steps: number of optimizer steps, >= 0.
        delta: probability that the guarantee fails, in (0, 1); choose it well below 1 / dataset size.
    """
    _check_delta(delta)
    if steps == 0:
        return 0.0  # nothing released yet (the RDP-to-DP conversion alone is not tight)
    return rdp_to_epsilon(compute_rdp(noise_multiplier, sample_rate, steps, orders), delta, orders)[0]


class RDPAccountant:
    """Keeps the history of DP-SGD steps and reports the privacy spent (as Opacus's RDPAccountant)."""

    def __init__(self, orders: Sequence[float] = DEFAULT_ORDERS):
        self.orders = tuple(orders)
        self.history: list[tuple[float, float, int]] = []  # (noise_multiplier, sample_rate, steps)

    def step(self, *, noise_multiplier: float, sample_rate: float) -> None:
        """Record one step."""
        _check(noise_multiplier, sample_rate, 1)
        if self.history and self.history[-1][:2] == (noise_multiplier, sample_rate):
            self.history[-1] = (noise_multiplier, sample_rate, self.history[-1][2] + 1)
        else:
            self.history.append((noise_multiplier, sample_rate, 1))

    def get_privacy_spent(self, *, delta: float) -> tuple[float, float]:
        """(epsilon, best order) for all recorded steps; (0.0, nan) before the first step."""
        _check_delta(delta)
        if not self.history:
            return 0.0, math.nan
        rdp = sum((compute_rdp(s, q, n, self.orders) for s, q, n in self.history), np.zeros(len(self.orders)))
        return rdp_to_epsilon(rdp, delta, self.orders)

    def get_epsilon(self, delta: float) -> float:
        return self.get_privacy_spent(delta=delta)[0]

    def __len__(self) -> int:
        return sum(n for _, _, n in self.history)


def _check(noise_multiplier: float, sample_rate: float, steps: int) -> None:
    if not noise_multiplier >= 0:
        raise ValueError(f"noise_multiplier should be >= 0 (noise std / clipping norm), got {noise_multiplier!r}.")
    if not 0 < sample_rate <= 1:
        raise ValueError(
            f"sample_rate should be in (0, 1], the chance an example is in a batch (batch size / dataset size), "
            f"got {sample_rate!r}."
        )
    if not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError(f"steps should be a non-negative integer, got {steps!r}.")


def _check_delta(delta: float) -> None:
    if not 0 < delta < 1:
        raise ValueError(
            f"delta should be in (0, 1), got {delta!r}: it is the probability that the privacy guarantee "
            "fails. Hint: a common choice is 1e-5, well below 1 / (number of training examples)."
        )
