"""Lesson 14's widget: a user's ratings, top picks with explanations, RMSE against L2."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest

import labkit.widgets._figure as figure_helper
from labkit.data import load_ratings
from labkit.widgets.recommender import RecommenderExplorer


@pytest.fixture
def shown(monkeypatch):
    figures = []
    monkeypatch.setattr(figure_helper, "display", figures.append)
    return figures


@pytest.fixture(scope="module")
def split():
    data = load_ratings(n_users=60, n_items=40, density=0.3, seed=5)
    order = np.random.default_rng(0).permutation(len(data.y))
    tr, va = order[: int(0.8 * len(order))], order[int(0.8 * len(order)):]
    return data.X[tr], data.y[tr], data.X[va], data.y[va], 60, 40


def test_recommendations_exclude_rated_items_and_are_explained_by_liked_ones(shown, split):
    w = RecommenderExplorer(*split, user=3, k=4, steps=80)
    assert len(shown) == 1
    rated = set(split[0][split[0][:, 0] == 3, 1])
    assert len(w.recommendations) == 4 and not rated & set(w.recommendations.tolist())
    scores = w.model.predict_matrix()[3]
    unrated = [i for i in range(40) if i not in rated]
    assert scores[w.recommendations[0]] == pytest.approx(max(scores[unrated]))
    liked = {int(i) for (u, i), r in zip(split[0], split[1]) if u == 3 and r >= 4}
    assert all(b in liked for b in w.because) or not liked
    assert "validation RMSE" in w.caption.value
    w.user.value = 7
    assert len(shown) == 2
    assert not set(split[0][split[0][:, 0] == 7, 1]) & set(w.recommendations.tolist())


def test_l2_slider_trains_caches_and_strong_l2_falls_back_to_the_baseline(shown, split):
    w = RecommenderExplorer(*split, log10_l2=-3.0, steps=150)
    assert len(w.history) == 1
    w.log10_l2.value = -1.0
    assert len(w.history) == 2 and len(w.cache) == 2
    assert abs(w.val_rmse - w.baseline_val_rmse) < 0.05  # the penalty leaves only the biases
    assert np.abs(w.model.user_factors).max() < 0.05
    w.log10_l2.value = -3.0  # cached: no new model
    assert len(w.cache) == 2
    w.dim.value = 8
    assert (8, 1e-3) in w.history and w.history[(8, 1e-3)] == (w.train_rmse, w.val_rmse)
    assert len(shown) == 4


def test_bad_arguments_are_explained(split):
    with pytest.raises(ValueError, match="dim must be one of"):
        RecommenderExplorer(*split, dim=3)
    with pytest.raises(ValueError, match="log10_l2"):
        RecommenderExplorer(*split, log10_l2=0.5)
    with pytest.raises(ValueError, match="user must lie in 0..59"):
        RecommenderExplorer(*split, user=60)
    with pytest.raises(ValueError, match="train_pairs must be"):
        RecommenderExplorer(split[0][:, 0], *split[1:])
    with pytest.raises(ValueError, match="item_names has 2 names"):
        RecommenderExplorer(*split, item_names=["a", "b"])
