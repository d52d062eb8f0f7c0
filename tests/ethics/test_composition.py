"""Basic and advanced composition against their formulas, and the RDP accountant below both for DP-SGD."""

from __future__ import annotations

import math

import pytest

from labkit.ethics.privacy import (advanced_composition, basic_composition, compute_epsilon, gaussian_epsilon,
                                   subsampled_gaussian_epsilon)


def test_basic_composition_adds_up():
    assert basic_composition(0.3, 1e-6, 10) == pytest.approx((3.0, 1e-5))
    assert basic_composition(0.3, 0.0, 0) == (0.0, 0.0)


def test_advanced_composition_formula_and_sqrt_k_growth():
    eps, k, slack = 0.01, 10_000, 1e-5
    total, delta = advanced_composition(eps, 1e-9, k, slack)
    assert total == pytest.approx(math.sqrt(2 * k * math.log(1e5)) * eps + k * eps * (math.exp(eps) - 1))
    assert delta == pytest.approx(k * 1e-9 + slack)
    assert total < basic_composition(eps, 1e-9, k)[0] / 4  # sqrt(k) beats k for small eps and many steps
    assert advanced_composition(1.0, 0.0, 3, 1e-5)[0] > basic_composition(1.0, 0.0, 3)[0]  # but not always


def test_gaussian_epsilon_solves_balle_and_wang_and_beats_the_classic_calibration():
    from scipy.stats import norm
    for sigma, delta in [(0.8, 1e-5), (2.0, 1e-3), (5.0, 1e-8)]:
        eps = gaussian_epsilon(sigma, delta)
        assert norm.cdf(0.5 / sigma - eps * sigma) - math.exp(eps) * norm.cdf(-0.5 / sigma - eps * sigma) == \
            pytest.approx(delta, rel=1e-6)
    sigma = math.sqrt(2 * math.log(1.25 / 1e-5)) / 0.5  # the classic Gaussian mechanism for eps = 0.5 (Dwork & Roth, Thm 3.22)
    assert gaussian_epsilon(sigma, 1e-5) < 0.5


def test_subsampling_amplifies():
    eps = gaussian_epsilon(4.0, 1e-5 / 0.01)
    assert subsampled_gaussian_epsilon(4.0, 0.01, 1e-5) == pytest.approx(math.log1p(0.01 * math.expm1(eps)))
    assert subsampled_gaussian_epsilon(4.0, 1.0, 1e-5) == pytest.approx(gaussian_epsilon(4.0, 1e-5))


def test_rdp_accountant_beats_both_for_dp_sgd():
    sigma, q, delta, k = 4.0, 0.01, 1e-5, 10_000  # Abadi et al. (2016)'s MNIST setting
    basic = basic_composition(subsampled_gaussian_epsilon(sigma, q, delta / k), delta / k, k)[0]
    advanced = advanced_composition(subsampled_gaussian_epsilon(sigma, q, delta / (2 * k)), delta / (2 * k), k,
                                    delta / 2)[0]
    assert compute_epsilon(sigma, q, k, delta) < advanced / 5 and advanced < basic / 5


def test_bad_arguments_are_rejected():
    with pytest.raises(ValueError, match="non-negative integer"):
        basic_composition(0.1, 0.0, 2.5)
    with pytest.raises(ValueError, match="delta_slack"):
        advanced_composition(0.1, 0.0, 3, 0.0)
