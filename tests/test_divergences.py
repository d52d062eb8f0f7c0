"""labkit.divergences against SciPy and against values worked out by hand."""

import numpy as np
import pytest
from scipy.spatial.distance import jensenshannon
from scipy.special import rel_entr, xlogy

from labkit.divergences import generator_criterion, js_divergence, kl_divergence, optimal_discriminator


def _normal(x, mean, std):
    return np.exp(-0.5 * ((x - mean) / std) ** 2) / (std * np.sqrt(2 * np.pi))


def test_kl_and_js_match_scipy_on_random_masses():
    rng = np.random.default_rng(0)
    for _ in range(5):
        p, q = rng.random(12), rng.random(12)
        p, q = p / p.sum(), q / q.sum()
        assert kl_divergence(p, q) == pytest.approx(rel_entr(p, q).sum(), rel=1e-12)
        assert js_divergence(p, q) == pytest.approx(jensenshannon(p, q) ** 2, rel=1e-9)
        assert js_divergence(p, q) == pytest.approx(js_divergence(q, p), rel=1e-12)


def test_hand_worked_values_and_zeros():
    p, q = np.array([0.5, 0.5, 0.0]), np.array([0.0, 0.5, 0.5])
    # m = (1/4, 1/2, 1/4): KL(p || m) = 1/2 log 2 = KL(q || m), so JSD = 1/2 log 2
    assert js_divergence(p, q) == pytest.approx(0.5 * np.log(2))
    assert kl_divergence(p, q) == float("inf")
    assert js_divergence([1.0, 0.0], [0.0, 1.0]) == pytest.approx(np.log(2))  # disjoint: the maximum
    assert js_divergence(p, p) == 0.0
    np.testing.assert_allclose(optimal_discriminator(p, q), [1.0, 0.5, 0.0])
    np.testing.assert_allclose(optimal_discriminator([0.0], [0.0]), [0.5])  # D is free where both are 0


def test_generator_criterion_is_twice_the_jsd_minus_log_4_on_a_grid():
    x = np.linspace(-8, 8, 4001)
    dx = x[1] - x[0]
    p_data = 0.5 * _normal(x, -1.0, 0.3) + 0.5 * _normal(x, 1.5, 0.5)
    for p_g in (_normal(x, 0.0, 1.5), _normal(x, 2.0, 0.4), p_data):
        c = generator_criterion(p_data, p_g, dx)
        assert c == pytest.approx(2 * js_divergence(p_data, p_g, dx) - np.log(4), abs=1e-6)  # equal when both integrate to 1
        d = optimal_discriminator(p_data, p_g)
        total = p_data + p_g  # 1 - D* = p_g / total, written so that it does not round to 0
        v = np.sum(xlogy(p_data, d) + xlogy(p_g, p_g / total)) * dx
        assert c == pytest.approx(v, abs=1e-9)
        # D* is the best: any other discriminator has a lower value
        worse = np.clip(d + 0.05 * np.sin(x), 1e-12, 1 - 1e-12)
        assert np.sum(p_data * np.log(worse) + p_g * np.log1p(-worse)) * dx < c
    assert generator_criterion(p_data, p_data, dx) == pytest.approx(-np.log(4), abs=1e-9)
    assert generator_criterion([1.0, 0.0], [0.0, 1.0]) == 0.0  # disjoint supports: JSD = log 2


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="same shape"):
        js_divergence([0.5, 0.5], [1.0])
    with pytest.raises(ValueError, match=">= 0"):
        generator_criterion([1.5, -0.5], [0.5, 0.5])
    with pytest.raises(ValueError, match="dx"):
        generator_criterion([1.0], [1.0], dx=0)
