"""The RDP accountant against Opacus's, over a grid of noise multipliers, sample rates and steps."""

from __future__ import annotations

import itertools
import math
import warnings

import numpy as np
import pytest
from opacus.accountants import RDPAccountant as OpacusAccountant
from opacus.accountants.analysis import rdp as opacus_rdp

from labkit.ethics.privacy import DEFAULT_ORDERS, RDPAccountant, compute_epsilon, compute_rdp
from labkit.ethics.privacy.accountant import rdp_to_epsilon

NOISE = [0.5, 1.1, 4.0]
RATES = [1e-3, 0.02, 0.25, 1.0]
STEPS = [1, 100, 10_000]
DELTAS = [1e-5, 1e-3]


def test_orders_are_opacus_orders():
    assert list(DEFAULT_ORDERS) == list(OpacusAccountant.DEFAULT_ALPHAS)


@pytest.mark.parametrize("noise_multiplier, sample_rate", list(itertools.product(NOISE, RATES)))
def test_epsilon_within_one_percent_of_opacus(noise_multiplier, sample_rate):
    ours_rdp = compute_rdp(noise_multiplier, sample_rate, 1)
    theirs_rdp = opacus_rdp.compute_rdp(q=sample_rate, noise_multiplier=noise_multiplier, steps=1,
                                        orders=OpacusAccountant.DEFAULT_ALPHAS)
    np.testing.assert_allclose(ours_rdp, theirs_rdp, rtol=1e-6, atol=1e-12)  # tiny RDPs: series round-off
    for steps, delta in itertools.product(STEPS, DELTAS):
        ours, _ = rdp_to_epsilon(ours_rdp * steps, delta)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Opacus warns when the best order is at the end of the range
            theirs, _ = opacus_rdp.get_privacy_spent(orders=OpacusAccountant.DEFAULT_ALPHAS, rdp=theirs_rdp * steps,
                                                     delta=delta)
        assert ours == pytest.approx(theirs, rel=0.01), (noise_multiplier, sample_rate, steps, delta)


def test_compute_epsilon_and_the_accountant_history_match_opacus():
    ours, theirs = RDPAccountant(), OpacusAccountant()
    for noise, rate, steps in [(1.0, 0.01, 30), (2.0, 0.05, 10), (1.0, 0.01, 5)]:
        for _ in range(steps):
            ours.step(noise_multiplier=noise, sample_rate=rate)
            theirs.step(noise_multiplier=noise, sample_rate=rate)
    assert len(ours) == 45
    assert ours.get_epsilon(1e-5) == pytest.approx(theirs.get_epsilon(1e-5), rel=0.01)
    one = OpacusAccountant()
    one.history = [(1.3, 0.02, 500)]
    assert compute_epsilon(1.3, 0.02, 500, 1e-5) == pytest.approx(one.get_epsilon(1e-5), rel=0.01)
    assert compute_epsilon(1.3, 0.02, 0, 1e-5) == 0.0 and RDPAccountant().get_epsilon(1e-5) == 0.0


def test_epsilon_grows_with_steps_and_sample_rate_and_falls_with_noise():
    assert compute_epsilon(1.0, 0.01, 100, 1e-5) < compute_epsilon(1.0, 0.01, 1000, 1e-5)
    assert compute_epsilon(1.0, 0.01, 100, 1e-5) < compute_epsilon(1.0, 0.1, 100, 1e-5)
    assert compute_epsilon(2.0, 0.01, 100, 1e-5) < compute_epsilon(1.0, 0.01, 100, 1e-5)
    assert compute_epsilon(0.0, 0.01, 10, 1e-5) == math.inf  # no noise, no privacy


@pytest.mark.parametrize("delta", [1.0, 1.5, 0.0, -1e-5])
def test_delta_outside_zero_one_is_rejected(delta):
    with pytest.raises(ValueError, match=r"delta should be in \(0, 1\).*1e-5"):
        compute_epsilon(1.0, 0.01, 10, delta)
    with pytest.raises(ValueError, match=r"delta should be in \(0, 1\)"):
        RDPAccountant().get_epsilon(delta)


def test_other_bad_settings_are_rejected():
    with pytest.raises(ValueError, match=r"sample_rate should be in \(0, 1\]"):
        compute_epsilon(1.0, 0.0, 10, 1e-5)
    with pytest.raises(ValueError, match=r"sample_rate should be in \(0, 1\]"):
        RDPAccountant().step(noise_multiplier=1.0, sample_rate=1.5)
    with pytest.raises(ValueError, match="noise_multiplier should be >= 0"):
        compute_epsilon(-1.0, 0.1, 10, 1e-5)
    with pytest.raises(ValueError, match="steps should be a non-negative integer"):
        compute_epsilon(1.0, 0.1, 2.5, 1e-5)
