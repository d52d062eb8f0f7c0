"""The loss-threshold membership inference attack: its numbers against scikit-learn's ROC
tools, and its verdict on a model that memorized its data and on one that never saw it."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import roc_auc_score, roc_curve

from labkit.errors import ShapeError
from labkit.ethics.privacy import loss_threshold_attack, membership_advantage, per_example_loss


@settings(max_examples=40, deadline=None)
@given(
    members=st.lists(st.integers(0, 6), min_size=1, max_size=30),  # small integers: many ties
    others=st.lists(st.integers(0, 6), min_size=1, max_size=30),
)
def test_advantage_and_auc_equal_sklearn(members, others):
    result = membership_advantage(np.array(members, float) / 3, np.array(others, float) / 3)
    labels = np.r_[np.ones(len(members)), np.zeros(len(others))]
    scores = -np.r_[members, others] / 3  # lower loss -> more likely a member
    if len(set(labels)) == 2:
        fpr, tpr, _ = roc_curve(labels, scores)
        assert result.advantage == pytest.approx(max(0.0, float(np.max(tpr - fpr))))
        assert result.auc == pytest.approx(roc_auc_score(labels, scores))
    member_hits = (np.array(members) / 3 <= result.threshold).mean()
    at_threshold = member_hits - (np.array(others) / 3 <= result.threshold).mean()
    assert result.tpr - result.fpr == pytest.approx(result.advantage) == pytest.approx(at_threshold)


def random_label_task(seed: int, n: int):
    """Inputs with labels that carry no signal: a model can only memorize them."""
    generator = torch.Generator().manual_seed(seed)
    return torch.randn(n, 20, generator=generator), torch.randint(0, 2, (n,), generator=generator)


def train(x: torch.Tensor, y: torch.Tensor, steps: int = 150) -> torch.nn.Module:
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(20, 128), torch.nn.ReLU(), torch.nn.Linear(128, 2))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
    for _ in range(steps):
        optimizer.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()
    return model


def test_overfit_model_leaks_membership_and_unseen_data_does_not():
    members, non_members = random_label_task(1, 100), random_label_task(2, 100)
    overfit = train(*members)
    leaky = loss_threshold_attack(overfit, members, non_members)
    assert leaky.advantage > 0.5 and leaky.auc > 0.75

    # the same kind of model, trained elsewhere: neither set was seen, so nothing tells them apart
    other = train(*random_label_task(3, 100))
    unseen_a, unseen_b = random_label_task(4, 500), random_label_task(5, 500)
    blind = loss_threshold_attack(other, unseen_a, unseen_b)
    assert blind.advantage < 0.15 and abs(blind.auc - 0.5) < 0.1
    assert "advantage" in leaky._repr_markdown_()


def test_per_example_loss_restores_training_mode_and_checks_its_input():
    model = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.Dropout(0.5))
    model.train()
    x, y = torch.randn(5, 3), torch.tensor([0, 1, 0, 1, 1])
    losses = per_example_loss(model, x, y)
    assert model.training and losses.shape == (5,)
    np.testing.assert_allclose(losses, per_example_loss(model, x, y))  # eval mode: dropout off, repeatable
    with pytest.raises(ShapeError, match="reduction='none'"):
        per_example_loss(model, x, y, loss_fn=torch.nn.CrossEntropyLoss())
    with pytest.raises(ShapeError, match="same number of examples"):
        per_example_loss(model, x, y[:3])
    with pytest.raises(ShapeError, match="non-empty"):
        membership_advantage([], [1.0])
    with pytest.raises(ValueError, match="nan or inf"):
        membership_advantage([np.nan], [1.0])


def test_tight_advantage_bound_is_the_best_test_in_the_dp_region_and_below_the_loose_one():
    from labkit.ethics.privacy import advantage_bound, loose_advantage_bound
    for eps, delta in [(0.1, 0.0), (0.5, 1e-5), (1.0, 1e-3), (3.0, 0.0), (8.0, 1e-5)]:
        fpr = np.linspace(0, 1, 200_001)
        # the largest TPR any test can have at this FPR under (eps, delta)-DP (Kairouz, Oh & Viswanath, 2015)
        tpr = np.minimum.reduce([np.exp(eps) * fpr + delta, 1 - np.exp(-eps) * (1 - delta - fpr), np.ones_like(fpr)])
        assert advantage_bound(eps, delta) == pytest.approx((tpr - fpr).max(), abs=1e-5)
        assert advantage_bound(eps, delta) <= loose_advantage_bound(eps) + 2 * delta
    assert loose_advantage_bound(np.log(2)) == pytest.approx(1.0)
    assert advantage_bound(0.0, 0.0) == 0.0 and advantage_bound(float("inf"), 0.0) == 1.0


def test_roc_curve_and_tpr_at_fpr_match_sklearn():
    from sklearn.metrics import roc_curve as sk_roc_curve

    from labkit.ethics.privacy import roc_curve, tpr_at_fpr
    rng = np.random.default_rng(3)
    members, others = rng.normal(1, 1, 300).round(2), rng.normal(0, 1, 700).round(2)  # ties
    fpr, tpr, thresholds = roc_curve(members, others)
    sk_fpr, sk_tpr, sk_thresholds = sk_roc_curve(np.r_[np.ones(300), np.zeros(700)], np.r_[members, others],
                                                 drop_intermediate=False)
    np.testing.assert_allclose(fpr, sk_fpr)
    np.testing.assert_allclose(tpr, sk_tpr)
    np.testing.assert_allclose(thresholds[1:], sk_thresholds[1:])
    for max_fpr in [0.0, 0.001, 0.01, 0.1]:
        assert tpr_at_fpr(members, others, max_fpr) == pytest.approx(sk_tpr[sk_fpr <= max_fpr].max())
