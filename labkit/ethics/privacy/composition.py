"""Composition: what k releases (queries, training steps) of a private mechanism cost together.

If each of k mechanisms is (eps, delta)-DP, their combination is

- basic composition:    (k eps, k delta)-DP                   (Dwork, McSherry, Nissim & Smith, 2006)
- advanced composition: (eps', k delta + delta')-DP for any delta' > 0, with
      eps' = sqrt(2 k ln(1 / delta')) eps + k eps (e^eps - 1)
  (Dwork, Rothblum & Vadhan, 2010; Dwork & Roth, 2014, Theorem 3.20): for small eps it grows
  like sqrt(k) instead of k.

To compose DP-SGD's steps this way one needs each step's (eps, delta):
``subsampled_gaussian_epsilon`` gives it from the exact epsilon of the Gaussian mechanism
(Balle & Wang, 2018, Theorem 8) amplified by Poisson subsampling with rate q,
(log(1 + q (e^eps - 1)), q delta) (Li, Qardaji & Su, 2012; Balle, Barthe & Gaboardi, 2018).

For DP-SGD both compositions are loose: the RDP (moments) accountant (Abadi et al., 2016; Mironov, 2017;
``labkit.ethics.privacy.accountant``) composes the Renyi divergences of the subsampled
Gaussian steps exactly and converts once at the end.
"""

from __future__ import annotations

import math

from scipy import optimize, special


def _check(epsilon: float, delta: float, k: int) -> None:
    if not epsilon >= 0 or not 0 <= delta < 1:
        raise ValueError(f"expected epsilon >= 0 and delta in [0, 1) for one mechanism, got {epsilon!r}, {delta!r}.")
    if not isinstance(k, int) or k < 0:
        raise ValueError(f"k (the number of mechanisms composed) should be a non-negative integer, got {k!r}.")


def basic_composition(epsilon: float, delta: float, k: int) -> tuple[float, float]:
    """(k epsilon, k delta): the privacy of k mechanisms that are each (epsilon, delta)-DP."""
    _check(epsilon, delta, k)
    return k * epsilon, k * delta


def advanced_composition(epsilon: float, delta: float, k: int, delta_slack: float) -> tuple[float, float]:
    """(eps', k delta + delta_slack) with eps' = sqrt(2 k ln(1/delta_slack)) eps + k eps (e^eps - 1)
    (Dwork, Rothblum & Vadhan, 2010), for k mechanisms that are each (epsilon, delta)-DP."""
    _check(epsilon, delta, k)
    if not 0 < delta_slack < 1:
        raise ValueError(f"delta_slack should be in (0, 1), got {delta_slack!r}.")
    total = math.sqrt(2 * k * math.log(1 / delta_slack)) * epsilon + k * epsilon * math.expm1(epsilon)
    return total, k * delta + delta_slack


def gaussian_epsilon(noise_multiplier: float, delta: float) -> float:
    """The smallest epsilon for which the Gaussian mechanism (sensitivity 1, noise std
    ``noise_multiplier``) is (epsilon, delta)-DP: the root of
    Phi(1 / (2 sigma) - eps sigma) - e^eps Phi(-1 / (2 sigma) - eps sigma) = delta (Balle & Wang, 2018)."""
    if not noise_multiplier > 0 or not 0 < delta < 1:
        raise ValueError(f"expected noise_multiplier > 0 and delta in (0, 1), got {noise_multiplier!r}, {delta!r}.")
    sigma = float(noise_multiplier)

    def excess(eps: float) -> float:  # delta(eps) - delta, decreasing in eps
        return (special.ndtr(0.5 / sigma - eps * sigma)
                - math.exp(eps + special.log_ndtr(-0.5 / sigma - eps * sigma)) - delta)

    if excess(0.0) <= 0:
        return 0.0
    high = 1.0
    while excess(high) > 0:
        high *= 2
    return float(optimize.brentq(excess, 0.0, high, xtol=1e-12))


def subsampled_gaussian_epsilon(noise_multiplier: float, sample_rate: float, delta: float) -> float:
    """Epsilon of ONE DP-SGD step at ``delta``: the Gaussian mechanism at delta / q, amplified by
    Poisson subsampling with rate q to log(1 + q (e^eps - 1))."""
    if not 0 < sample_rate <= 1:
        raise ValueError(f"sample_rate should be in (0, 1], got {sample_rate!r}.")
    if delta / sample_rate >= 1:
        return 0.0
    return math.log1p(sample_rate * math.expm1(gaussian_epsilon(noise_multiplier, delta / sample_rate)))
