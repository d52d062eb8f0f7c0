"""labkit.recommend: baselines, RMSE, top-k, precision/recall and the MF trainer, against references."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from labkit.data import load_ratings
from labkit.recommend import (auc_per_user, baseline_biases, bpr_loss, nearest_items, precision_recall_at_k,
                              recall_at_k, rmse, sample_unseen, top_k, train_matrix_factorization)


def test_rmse_matches_torch():
    rng = np.random.default_rng(0)
    p, t = rng.normal(size=50), rng.normal(size=50)
    expected = torch.sqrt(torch.nn.functional.mse_loss(torch.tensor(p), torch.tensor(t))).item()
    assert rmse(p, t) == pytest.approx(expected, rel=1e-12)
    with pytest.raises(ValueError, match="same, non-empty shape"):
        rmse([1.0, 2.0], [1.0])


def test_baseline_biases_match_loops():
    rng = np.random.default_rng(1)
    users, items = rng.integers(0, 6, 40), rng.integers(0, 9, 40)
    ratings = rng.integers(1, 6, 40).astype(float)
    mu, bu, bi = baseline_biases(users, items, ratings, 7, 10)
    assert mu == pytest.approx(ratings.mean())
    for i in range(10):
        mine = ratings[items == i]
        assert bi[i] == pytest.approx(np.mean(mine - mu) if len(mine) else 0.0)
    for u in range(7):
        sel = users == u
        assert bu[u] == pytest.approx(np.mean(ratings[sel] - mu - bi[items[sel]]) if sel.any() else 0.0)
    with pytest.raises(ValueError, match="0..9"):
        baseline_biases(users, items + 5, ratings, 7, 10)


def test_top_k_matches_torch_topk_and_excludes():
    rng = np.random.default_rng(2)
    scores = rng.normal(size=(5, 12))
    exclude = rng.random((5, 12)) < 0.3
    got = top_k(scores, 4, exclude)
    masked = torch.tensor(np.where(exclude, -np.inf, scores))
    np.testing.assert_array_equal(got, torch.topk(masked, 4, dim=1).indices.numpy())
    assert not np.take_along_axis(exclude, got, axis=1).any()
    np.testing.assert_array_equal(top_k(np.array([1.0, 3.0, 3.0, 2.0]), 2), [1, 2])  # ties: smaller id first
    with pytest.raises(ValueError, match="fewer than k=3"):
        top_k(np.zeros((1, 3)), 3, np.array([[True, False, False]]))
    with pytest.raises(ValueError, match="positive integer"):
        top_k(scores, 0)


def test_precision_recall_at_k_by_hand():
    recommended = np.array([[0, 1], [2, 3], [0, 2]])
    relevant = np.array([[True, False, True, False], [False, False, False, False], [True, True, True, True]])
    precision, recall = precision_recall_at_k(recommended, relevant)
    assert precision == pytest.approx((0.5 + 1.0) / 2)  # user 1 has nothing relevant and is skipped
    assert recall == pytest.approx((0.5 + 0.5) / 2)


def test_nearest_items_by_cosine():
    vectors = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [-1.0, 0.0]])
    np.testing.assert_array_equal(nearest_items(vectors, 0, k=3), [1, 2, 3])
    np.testing.assert_array_equal(nearest_items(vectors, 0, k=1, among=[2, 3]), [2])


def test_matrix_factorization_beats_the_baseline_and_strong_l2_falls_back_to_it():
    data = load_ratings(n_users=120, n_items=80, density=0.25, seed=3)
    pairs, ratings = data.X, data.y
    order = np.random.default_rng(0).permutation(len(ratings))
    tr, va = order[: int(0.8 * len(order))], order[int(0.8 * len(order)):]
    mu, bu, bi = baseline_biases(pairs[tr, 0], pairs[tr, 1], ratings[tr], 120, 80)
    base = rmse(mu + bu[pairs[va, 0]] + bi[pairs[va, 1]], ratings[va])
    good = train_matrix_factorization(pairs[tr], ratings[tr], 120, 80, dim=4, l2=1e-3, steps=300)
    assert good.losses[-1] < good.losses[0]
    assert rmse(good.predict(pairs[va]), ratings[va]) < base - 0.03
    np.testing.assert_allclose(good.predict_matrix()[pairs[va, 0], pairs[va, 1]], good.predict(pairs[va]), rtol=1e-5)
    with torch.no_grad():
        torch_pred = good.model(torch.as_tensor(pairs[va])).numpy()
    np.testing.assert_allclose(good.predict(pairs[va]), torch_pred, rtol=1e-5, atol=1e-5)
    flat = train_matrix_factorization(pairs[tr], ratings[tr], 120, 80, dim=4, l2=1.0, steps=300)
    assert np.abs(flat.user_factors).max() < 1e-2  # the penalty removed the tastes
    again = train_matrix_factorization(pairs[tr], ratings[tr], 120, 80, dim=4, l2=1e-3, steps=300)
    np.testing.assert_allclose(again.item_factors, good.item_factors)  # seeded
    with pytest.raises(ValueError, match=r"shape \(N, 2\)"):
        train_matrix_factorization(pairs[:, 0], ratings, 120, 80)


def test_bpr_loss_matches_logsigmoid_and_is_stable():
    rng = np.random.default_rng(5)
    pos, neg = torch.tensor(rng.normal(size=30)), torch.tensor(rng.normal(size=30))
    expected = -torch.nn.functional.logsigmoid(pos - neg).mean()
    assert bpr_loss(pos, neg).item() == pytest.approx(expected.item(), rel=1e-12)
    # huge margins: finite, and right (-log sigmoid(1000) = 0, -log sigmoid(-1000) = 1000)
    big = bpr_loss(torch.tensor([1000.0, -1000.0]), torch.tensor([0.0, 0.0]))
    assert torch.isfinite(big) and big.item() == pytest.approx(500.0)
    naive = -torch.log(torch.sigmoid(torch.tensor([-1000.0]))).mean()
    assert not torch.isfinite(naive)  # what the stable form avoids
    with pytest.raises(ValueError, match="same, non-empty shape"):
        bpr_loss(torch.zeros(3), torch.zeros(2))


def test_bpr_loss_gradient_against_formula_and_central_differences():
    rng = np.random.default_rng(6)
    pos = torch.tensor(rng.normal(size=8), requires_grad=True)
    neg = torch.tensor(rng.normal(size=8), requires_grad=True)
    bpr_loss(pos, neg).backward()
    x = (pos - neg).detach()
    expected = -torch.sigmoid(-x) / len(x)  # d/dpos of mean(-log sigmoid(pos - neg))
    torch.testing.assert_close(pos.grad, expected, rtol=1e-10, atol=1e-12)
    torch.testing.assert_close(neg.grad, -expected, rtol=1e-10, atol=1e-12)
    assert torch.autograd.gradcheck(bpr_loss, (pos.detach().clone().requires_grad_(),
                                               neg.detach().clone().requires_grad_()))

    def broken(p, n):  # the sign flipped: gradcheck still passes (it is a valid function), the values must not
        return torch.nn.functional.softplus(p - n).mean()

    assert not torch.allclose(broken(pos, neg), bpr_loss(pos, neg))


def test_sample_unseen_never_returns_seen_items_and_is_uniform():
    gen = torch.Generator().manual_seed(0)
    seen = torch.zeros(3, 6, dtype=torch.bool)
    seen[0, :4] = True  # user 0 may only get items 4 and 5
    seen[1, ::2] = True
    users = torch.tensor([0, 1, 2] * 2000)
    items = sample_unseen(users, seen, gen)
    assert items.dtype == torch.long and items.shape == users.shape
    assert not seen[users, items].any()
    counts = torch.bincount(items[users == 0], minlength=6).numpy()
    assert counts[:4].sum() == 0 and abs(counts[4] - counts[5]) < 200  # 2000 draws, uniform over two
    assert set(torch.unique(items[users == 2]).tolist()) == set(range(6))
    full = torch.ones(1, 3, dtype=torch.bool)
    with pytest.raises(ValueError, match="seen every item"):
        sample_unseen(torch.tensor([0]), full, gen)


def test_recall_at_k_and_auc_per_user_against_loops():
    rng = np.random.default_rng(7)
    scores = np.round(rng.normal(size=(6, 15)), 1)  # rounded: ties happen
    exclude = rng.random((6, 15)) < 0.3
    held_out = (rng.random((6, 15)) < 0.25) & ~exclude
    held_out[5] = False  # a user with nothing held out is left out of both
    evaluated = [u for u in range(6) if held_out[u].any()]
    recalls, aucs = [], []
    for u in evaluated:
        order = sorted(np.flatnonzero(~exclude[u]), key=lambda i: (-scores[u, i], i))[:4]
        recalls.append(sum(held_out[u, i] for i in order) / held_out[u].sum())
        pos = np.flatnonzero(held_out[u])
        neg = np.flatnonzero(~held_out[u] & ~exclude[u])
        wins = [1.0 if scores[u, p] > scores[u, n] else 0.5 if scores[u, p] == scores[u, n] else 0.0
                for p in pos for n in neg]
        aucs.append(np.mean(wins))
    assert recall_at_k(scores, held_out, exclude, 4) == pytest.approx(np.mean(recalls))
    np.testing.assert_allclose(auc_per_user(scores, held_out, exclude), aucs)
    with pytest.raises(ValueError, match="both held out and excluded"):
        auc_per_user(scores, held_out | exclude, exclude)
