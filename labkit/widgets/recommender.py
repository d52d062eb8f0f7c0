"""Lesson 14's widget: one user's ratings, their top recommendations and why, and what L2 does to RMSE.

    explorer = RecommenderExplorer(train_pairs, train_ratings, val_pairs, val_ratings, n_users, n_items)

Choose a user: the left panel shows the ratings they gave (training set), the middle one
the k unrated items with the highest predicted rating, each labelled with the liked item
(rated 4 or more) whose learned vector is nearest (cosine): "because you liked ...". Move
the embedding size or the L2 strength: a matrix factorization is trained for that setting
(full-batch Adam, :func:`labkit.recommend.train_matrix_factorization`, well under a second)
and kept, and the right panel plots training and validation RMSE against lambda for every
setting trained so far at this embedding size, with the baseline's validation RMSE.
"""

from __future__ import annotations

from html import escape
from typing import Mapping, Sequence

import ipywidgets as widgets
import numpy as np

from labkit.recommend import (TrainedFactorization, baseline_biases, nearest_items, rmse, top_k,
                              train_matrix_factorization)
from labkit.widgets._figure import redraw

DIMS = (1, 2, 4, 8, 16, 32)


class RecommenderExplorer(widgets.VBox):
    """User picker, embedding-size and L2 sliders over a matrix factorization of the ratings.

    Args:
        train_pairs, train_ratings: (N, 2) [user, item] and (N,) ratings the models learn from.
        val_pairs, val_ratings: held-out ratings for the validation RMSE.
        n_users, n_items: id ranges.
        user: the user shown first.
        dim: starting embedding size (one of 1, 2, 4, 8, 16, 32).
        log10_l2: starting log10 of the L2 strength (-5 .. -1).
        k: how many recommendations to show.
        steps: Adam steps per model.
        item_names: optional names, one per item (default "item 17").
        trained: optional {(dim, l2): TrainedFactorization} already trained on the same split.

    After each redraw: ``model`` (TrainedFactorization), ``train_rmse``, ``val_rmse``,
    ``recommendations`` (k item ids), ``because`` (k liked item ids or -1), ``history``
    {(dim, l2): (train RMSE, validation RMSE)}.
    """

    def __init__(self, train_pairs, train_ratings, val_pairs, val_ratings, n_users: int, n_items: int, *,
                 user: int = 0, dim: int = 4, log10_l2: float = -3.0, k: int = 5, steps: int = 200,
                 item_names: Sequence[str] | None = None,
                 trained: Mapping[tuple[int, float], TrainedFactorization] | None = None) -> None:
        self.train_pairs, self.val_pairs = np.asarray(train_pairs), np.asarray(val_pairs)
        self.train_ratings = np.asarray(train_ratings, dtype=float)
        self.val_ratings = np.asarray(val_ratings, dtype=float)
        for name, pairs, ratings in (("train", self.train_pairs, self.train_ratings), ("val", self.val_pairs, self.val_ratings)):
            if pairs.ndim != 2 or pairs.shape[1] != 2 or len(pairs) != len(ratings) or not len(pairs):
                raise ValueError(f"{name}_pairs must be (N, 2) [user, item] with one rating each; got pairs "
                                 f"{pairs.shape} and {len(ratings)} ratings.")
        if dim not in DIMS:
            raise ValueError(f"dim must be one of {DIMS}, got {dim!r}.")
        if not -5.0 <= log10_l2 <= -1.0:
            raise ValueError(f"log10_l2 must lie in [-5, -1], got {log10_l2!r}.")
        if not 0 <= user < n_users:
            raise ValueError(f"user must lie in 0..{n_users - 1}, got {user!r}.")
        if item_names is not None and len(item_names) != n_items:
            raise ValueError(f"item_names has {len(item_names)} names for {n_items} items.")
        self.n_users, self.n_items, self.k, self.steps = n_users, n_items, k, steps
        self.item_names = list(item_names) if item_names is not None else [f"item {i}" for i in range(n_items)]
        self.rated = np.zeros((n_users, n_items), dtype=bool)
        self.rated[self.train_pairs[:, 0], self.train_pairs[:, 1]] = True
        self.given = np.zeros((n_users, n_items))
        self.given[self.train_pairs[:, 0], self.train_pairs[:, 1]] = self.train_ratings
        mu, bu, bi = baseline_biases(self.train_pairs[:, 0], self.train_pairs[:, 1], self.train_ratings, n_users, n_items)
        self.baseline_val_rmse = rmse(mu + bu[self.val_pairs[:, 0]] + bi[self.val_pairs[:, 1]], self.val_ratings)
        self.cache: dict[tuple[int, float], TrainedFactorization] = dict(trained or {})
        self.history: dict[tuple[int, float], tuple[float, float]] = {}
        for key, model in self.cache.items():
            self._score(key, model)
        self.user = widgets.IntSlider(value=user, min=0, max=n_users - 1, description="user")
        self.dim = widgets.SelectionSlider(options=DIMS, value=dim, description="embedding size", continuous_update=False)
        self.log10_l2 = widgets.FloatSlider(value=log10_l2, min=-5.0, max=-1.0, step=0.5, description="log10 λ",
                                            continuous_update=False, readout_format=".1f")
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        for control in (self.user, self.dim, self.log10_l2):
            control.observe(lambda _: self.redraw(), names="value")
        super().__init__([widgets.HBox([self.user, self.dim, self.log10_l2]), self.out, self.caption])
        self.redraw()

    @property
    def l2(self) -> float:
        return float(10.0 ** self.log10_l2.value)

    def _score(self, key, model: TrainedFactorization) -> None:
        self.history[key] = (rmse(model.predict(self.train_pairs), self.train_ratings),
                             rmse(model.predict(self.val_pairs), self.val_ratings))

    def _model(self) -> TrainedFactorization:
        key = (int(self.dim.value), round(self.l2, 12))
        if key not in self.cache:
            self.cache[key] = train_matrix_factorization(self.train_pairs, self.train_ratings, self.n_users,
                                                         self.n_items, dim=key[0], l2=key[1], steps=self.steps)
            self._score(key, self.cache[key])
        self.key = key
        return self.cache[key]

    def redraw(self) -> None:
        self.model = self._model()
        self.train_rmse, self.val_rmse = self.history[self.key]
        u = int(self.user.value)
        scores = self.model.predict_matrix()[u]  # (n_items,)
        self.recommendations = top_k(scores, self.k, exclude=self.rated[u])
        liked = np.flatnonzero(self.given[u] >= 4)
        self.because = np.array([nearest_items(self.model.item_factors, int(i), 1, among=liked)[0] if len(liked) else -1
                                 for i in self.recommendations])
        mine = np.flatnonzero(self.rated[u])
        mine = mine[np.argsort(-self.given[u, mine], kind="stable")][:15]
        with redraw(self.out, figsize=(15, 4.2), ncols=3) as (ax_given, ax_rec, ax_rmse):
            ax_given.barh(range(len(mine)), self.given[u, mine], color="tab:blue")
            ax_given.set_yticks(range(len(mine)), [self.item_names[i] for i in mine])
            ax_given.invert_yaxis()
            ax_given.set_xlim(0, 5.2)
            ax_given.set_xlabel("rating given")
            ax_given.set_title(f"user {u}: {int(self.rated[u].sum())} ratings" + (" (15 best shown)" if self.rated[u].sum() > 15 else ""))
            labels = [f"{self.item_names[i]}" + (f"  ← {self.item_names[b]}" if b >= 0 else "")
                      for i, b in zip(self.recommendations, self.because)]
            ax_rec.barh(range(self.k), scores[self.recommendations], color="tab:green")
            ax_rec.set_yticks(range(self.k), labels)
            ax_rec.invert_yaxis()
            ax_rec.set_xlim(0, 5.2)
            ax_rec.set_xlabel("predicted rating")
            ax_rec.set_title("top picks  (← the liked item nearest to it)")
            at_dim = sorted((l2, v) for (d, l2), v in self.history.items() if d == self.key[0])
            l2s = np.array([l2 for l2, _ in at_dim])
            values = np.array([v for _, v in at_dim])
            ax_rmse.plot(l2s, values[:, 0], "-o", label="train")
            ax_rmse.plot(l2s, values[:, 1], "-s", label="validation")
            ax_rmse.axhline(self.baseline_val_rmse, color="gray", linestyle="--", label="baseline (validation)")
            ax_rmse.axvline(self.key[1], color="k", linestyle=":")
            ax_rmse.set_xscale("log")
            ax_rmse.set_xlim(10 ** -5.3, 10 ** -0.7)
            ax_rmse.set_xlabel("λ (L2 strength)")
            ax_rmse.set_ylabel("RMSE")
            ax_rmse.set_title(f"embedding size {self.key[0]}: settings tried so far")
            ax_rmse.legend(fontsize=8)
            ax_rmse.grid(alpha=0.3)
        picks = ", ".join(escape(self.item_names[i]) for i in self.recommendations)
        self.caption.value = (f"<b>train RMSE</b> {self.train_rmse:.3f} &nbsp; <b>validation RMSE</b> {self.val_rmse:.3f} "
                              f"&nbsp; (baseline {self.baseline_val_rmse:.3f}) &nbsp; <b>top {self.k} for user {u}</b>: {picks}")
