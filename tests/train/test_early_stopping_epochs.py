"""labkit.train.callbacks.early_stopping_epochs (lesson 08's reference) against the rule written out."""

from __future__ import annotations

import numpy as np
import pytest

from labkit.train.callbacks import early_stopping_epochs


def written_out(losses, patience):
    best, best_epoch, waited = np.inf, 0, 0
    for epoch, loss in enumerate(losses):
        if loss < best:
            best, best_epoch, waited = loss, epoch, 0
        else:
            waited += 1
            if waited >= patience:
                return epoch, best_epoch
    return len(losses) - 1, best_epoch


@pytest.mark.parametrize("seed", range(20))
def test_matches_the_rule_on_noisy_curves(seed):
    rng = np.random.default_rng(seed)
    losses = 1.0 / (1 + np.arange(60)) + 0.002 * np.arange(60) + rng.normal(0, 0.02, 60)
    for patience in (1, 3, 10, 100):
        assert early_stopping_epochs(losses, patience) == written_out(losses, patience)


def test_edge_cases():
    assert early_stopping_epochs([3.0, 2.0, 1.0], patience=1) == (2, 2)  # never stops
    assert early_stopping_epochs([1.0, 1.0, 1.0], patience=2) == (2, 0)  # equal is no improvement
    assert early_stopping_epochs([1.0, float("nan"), 2.0], patience=2) == (2, 0)
    with pytest.raises(ValueError, match="patience"):
        early_stopping_epochs([1.0], patience=0)
    with pytest.raises(ValueError, match="at least one"):
        early_stopping_epochs([], patience=2)
