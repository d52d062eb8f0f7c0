"""Users rating items: low-rank tastes + biases + noise, rated 1..5, observed not at random."""

from __future__ import annotations

import numpy as np

from labkit.data.dataset import Dataset
from labkit.data.validation import check_float, check_int, check_seed

GLOBAL_MEAN = 3.5


def load_ratings(
    *,
    n_users: int = 300,
    n_items: int = 200,
    rank: int = 3,
    density: float = 0.1,
    noise: float = 0.5,
    like_bias: float = 0.5,
    seed: int = 0,
) -> Dataset:
    """Observed (user, item, rating) triples from a known taste model.

    true[u, i] = clip(3.5 + user_bias[u] + item_bias[i] + user_factors[u] . item_factors[i], 1, 5)
    rating     = clip(round(true + Normal(0, noise)), 1, 5)
    Which ratings are observed is not random (MNAR): popular items (a Zipf-like
    popularity that favours better items), active users (log-normal activity) and
    items the user likes (``exp(like_bias * (true - 3))``) are rated more often.
    density: expected fraction of the matrix observed. Every user has at least one rating.

    Returns X (n_ratings, 2) int64 [user, item], y (n_ratings,) float32 in {1,..,5};
    extras "true_matrix" (n_users, n_items) float32, "observed" bool mask,
    "user_factors" (n_users, rank), "item_factors" (n_items, rank), "user_bias",
    "item_bias", "global_mean", "popularity" (n_items,), "n_users", "n_items".
    """
    n_users = check_int("n_users", n_users, minimum=1)
    n_items = check_int("n_items", n_items, minimum=1)
    rank = check_int("rank", rank, minimum=1, maximum=min(n_users, n_items))
    density = check_float("density", density, 0.0, 1.0, inclusive_min=False)
    noise = check_float("noise", noise, 0.0, 5.0)
    like_bias = check_float("like_bias", like_bias, 0.0, 5.0)
    rng = np.random.default_rng(check_seed(seed))

    user_factors = rng.normal(0.0, 1.0 / rank**0.25, size=(n_users, rank))  # so U @ V.T has std ~1
    item_factors = rng.normal(0.0, 1.0 / rank**0.25, size=(n_items, rank))
    user_bias = rng.normal(0.0, 0.4, size=n_users)
    item_bias = rng.normal(0.0, 0.5, size=n_items)
    raw = GLOBAL_MEAN + user_bias[:, None] + item_bias[None, :] + 0.8 * user_factors @ item_factors.T
    true = np.clip(raw, 1.0, 5.0)  # (U, I)

    quality_rank = np.argsort(np.argsort(-(item_bias + rng.normal(0.0, 0.5, size=n_items))))
    popularity = 1.0 / (quality_rank + 10.0) ** 1.2  # Zipf-like: a few items get most ratings
    popularity /= popularity.sum()
    activity = rng.lognormal(0.0, 0.6, size=n_users)
    weight = activity[:, None] * popularity[None, :] * np.exp(like_bias * (true - 3.0))
    prob = _scale_to_density(weight, density)  # (U, I) probability of being observed
    observed = rng.random(prob.shape) < prob
    for u in np.flatnonzero(~observed.any(axis=1)):
        observed[u, np.argmax(prob[u])] = True

    rating = np.clip(np.round(true + rng.normal(0.0, noise, size=true.shape)), 1, 5)
    users, items = np.nonzero(observed)
    order = rng.permutation(len(users))
    users, items = users[order], items[order]
    return Dataset(
        X=np.stack([users, items], axis=1).astype(np.int64),
        y=rating[users, items].astype(np.float32),
        feature_names=["user", "item"],
        target_names=None,
        description=f"{len(users)} ratings (1-5) by {n_users} users of {n_items} items, rank-{rank} tastes, MNAR",
        extras={
            "true_matrix": true.astype(np.float32),
            "observed": observed,
            "user_factors": user_factors.astype(np.float32),
            "item_factors": item_factors.astype(np.float32),
            "user_bias": user_bias.astype(np.float32),
            "item_bias": item_bias.astype(np.float32),
            "global_mean": GLOBAL_MEAN,
            "popularity": popularity.astype(np.float32),
            "n_users": n_users,
            "n_items": n_items,
        },
    )


def _scale_to_density(weight: np.ndarray, density: float) -> np.ndarray:
    """min(1, c * weight) with c chosen (by bisection) so that the mean is ``density``."""
    low, high = 0.0, 1.0 / weight.min()
    for _ in range(60):
        mid = (low + high) / 2
        if np.minimum(1.0, mid * weight).mean() < density:
            low = mid
        else:
            high = mid
    return np.minimum(1.0, high * weight)
