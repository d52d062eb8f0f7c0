"""Recommendation helpers for lesson 14: baselines, RMSE, top-k, precision/recall, a quick MF trainer.

    mu, user_bias, item_bias = baseline_biases(users, items, ratings, n_users, n_items)
    model = train_matrix_factorization(pairs, ratings, n_users, n_items, dim=8, l2=1e-3)
    scores = model.predict_matrix()                       # (n_users, n_items)
    picks = top_k(scores, k=10, exclude=rated)            # (n_users, 10) item ids, best first
    precision, recall = precision_recall_at_k(picks, relevant)

Implicit feedback (only positives: what a user clicked, played or rated at all), ranked with BPR:

    negatives = sample_unseen(users, seen, generator)      # (N,) an item each user has not seen
    loss = bpr_loss(pos_scores, neg_scores)                # mean -log sigmoid(s_ui - s_uj)
    recall = recall_at_k(scores, held_out, exclude=seen, k=10)
    aucs = auc_per_user(scores, held_out, exclude=seen)    # one AUC per user with held-out items

Ratings come as parallel arrays ``users`` (N,), ``items`` (N,) int and ``ratings`` (N,)
float, or ``pairs`` (N, 2) = [user, item] as :func:`labkit.data.load_ratings` returns them.
"""

from __future__ import annotations

import numpy as np
import torch

from labkit.models.recommender import MatrixFactorization


def _ids(name: str, values, size: int) -> np.ndarray:
    values = np.asarray(values)
    if values.ndim != 1 or not np.issubdtype(values.dtype, np.integer):
        raise ValueError(f"{name} must be a 1-D array of integer ids, got dtype {values.dtype} and shape {values.shape}.")
    if len(values) and (values.min() < 0 or values.max() >= size):
        raise ValueError(f"{name} must lie in 0..{size - 1}, got {values.min()}..{values.max()}.")
    return values


def rmse(predictions, targets) -> float:
    """Root mean squared error: sqrt(mean((predictions - targets)^2)). Both (N,), N >= 1."""
    p, t = np.asarray(predictions, dtype=float), np.asarray(targets, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError(f"predictions {p.shape} and targets {t.shape} must have the same, non-empty shape.")
    return float(np.sqrt(np.mean((p - t) ** 2)))


def baseline_biases(users, items, ratings, n_users: int, n_items: int) -> tuple[float, np.ndarray, np.ndarray]:
    """The baseline predictor r(u, i) = mu + b_u + b_i, fitted by means.

    mu = mean rating; b_i = mean of (r - mu) over the item's ratings; b_u = mean of
    (r - mu - b_i) over the user's ratings. Users and items without ratings get 0.

    Returns (mu, user_bias (n_users,), item_bias (n_items,)).
    """
    users, items = _ids("users", users, n_users), _ids("items", items, n_items)
    ratings = np.asarray(ratings, dtype=float)
    if not len(users) == len(items) == len(ratings) or len(ratings) == 0:
        raise ValueError(f"users, items and ratings must have one equal, non-zero length; got "
                         f"{len(users)}, {len(items)}, {len(ratings)}.")
    mu = float(ratings.mean())
    item_count = np.bincount(items, minlength=n_items)
    item_bias = np.bincount(items, ratings - mu, minlength=n_items) / np.maximum(item_count, 1)
    user_count = np.bincount(users, minlength=n_users)
    user_bias = np.bincount(users, ratings - mu - item_bias[items], minlength=n_users) / np.maximum(user_count, 1)
    return mu, user_bias, item_bias


def top_k(scores, k: int, exclude=None) -> np.ndarray:
    """The ``k`` highest-scoring items per user, best first (ties: the smaller item id first).

    scores (n_users, n_items) or (n_items,); exclude: a boolean array of the same shape,
    True for items that must not be recommended (those already rated). Returns int64
    (n_users, k) or (k,). Every user needs at least k items that are not excluded.
    """
    scores = np.asarray(scores, dtype=float)
    single = scores.ndim == 1
    scores = np.atleast_2d(scores)
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"k must be a positive integer, got {k!r}.")
    if exclude is not None:
        exclude = np.atleast_2d(np.asarray(exclude, dtype=bool))
        if exclude.shape != scores.shape:
            raise ValueError(f"exclude has shape {exclude.shape}, expected the shape of scores {scores.shape}.")
        free = (~exclude).sum(axis=1)
        if free.min() < k:
            raise ValueError(f"user {int(np.argmin(free))} has only {int(free.min())} items left to recommend, fewer than k={k}.")
        scores = np.where(exclude, -np.inf, scores)
    elif scores.shape[1] < k:
        raise ValueError(f"k={k} is more than the {scores.shape[1]} items.")
    order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    return order[0] if single else order


def precision_recall_at_k(recommended, relevant) -> tuple[float, float]:
    """Mean precision@k and recall@k over the users with at least one relevant item.

    recommended (n_users, k) item ids; relevant (n_users, n_items) bool, e.g. the held-out
    items the user rated 4 or more. precision = hits / k, recall = hits / relevant items.
    """
    recommended = np.asarray(recommended)
    relevant = np.asarray(relevant, dtype=bool)
    if recommended.ndim != 2 or relevant.ndim != 2 or len(recommended) != len(relevant):
        raise ValueError(f"recommended (n_users, k) and relevant (n_users, n_items) must match in users; got "
                         f"{recommended.shape} and {relevant.shape}.")
    hits = np.take_along_axis(relevant, recommended, axis=1).sum(axis=1)  # (n_users,)
    n_relevant = relevant.sum(axis=1)
    users = n_relevant > 0
    if not users.any():
        raise ValueError("no user has a relevant item; precision and recall are undefined.")
    return float(np.mean(hits[users] / recommended.shape[1])), float(np.mean(hits[users] / n_relevant[users]))


def nearest_items(item_vectors, item: int, k: int = 3, among=None) -> np.ndarray:
    """The ``k`` items whose vectors have the largest cosine similarity with ``item`` (itself left out).

    item_vectors (n_items, dim); among: optional item ids to choose from. Returns item ids, nearest first.
    """
    vectors = np.asarray(item_vectors, dtype=float)
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    candidates = np.arange(len(vectors)) if among is None else np.asarray(among, dtype=np.int64)
    candidates = candidates[candidates != item]
    similarity = unit[candidates] @ unit[item]
    return candidates[np.argsort(-similarity, kind="stable")[:k]]


class TrainedFactorization:
    """A trained :class:`MatrixFactorization` with NumPy views of its tables and its training curve."""

    def __init__(self, model: MatrixFactorization, losses: list[float]) -> None:
        self.model = model
        self.losses = losses
        self.user_factors = model.user_factors.weight.detach().cpu().numpy()  # (n_users, dim)
        self.item_factors = model.item_factors.weight.detach().cpu().numpy()  # (n_items, dim)
        self.user_bias = model.user_bias.weight.detach().cpu().numpy()[:, 0]
        self.item_bias = model.item_bias.weight.detach().cpu().numpy()[:, 0]
        self.global_bias = float(model.global_bias.detach())

    def predict(self, pairs) -> np.ndarray:
        """pairs (N, 2) [user, item] -> predicted ratings (N,)."""
        pairs = np.asarray(pairs)
        u, i = pairs[:, 0], pairs[:, 1]
        return (self.global_bias + self.user_bias[u] + self.item_bias[i]
                + np.sum(self.user_factors[u] * self.item_factors[i], axis=1))

    def predict_matrix(self) -> np.ndarray:
        """(n_users, n_items): the predicted rating of every user for every item."""
        return (self.global_bias + self.user_bias[:, None] + self.item_bias[None, :]
                + self.user_factors @ self.item_factors.T)


def train_matrix_factorization(pairs, ratings, n_users: int, n_items: int, *, dim: int = 8, l2: float = 1e-3,
                               steps: int = 300, lr: float = 0.05, seed: int = 0) -> TrainedFactorization:
    """Full-batch Adam on mean((r - r_hat)^2) + l2 * (||P||^2 + ||Q||^2) (biases not penalized).

    pairs (N, 2) [user, item], ratings (N,). A few hundred steps on a few thousand ratings
    take a fraction of a second on a CPU.
    """
    pairs = np.asarray(pairs)
    if pairs.ndim != 2 or pairs.shape[1] != 2:
        raise ValueError(f"pairs must have shape (N, 2) [user, item], got {pairs.shape}.")
    _ids("pairs[:, 0] (users)", pairs[:, 0], n_users)
    _ids("pairs[:, 1] (items)", pairs[:, 1], n_items)
    if not l2 >= 0:
        raise ValueError(f"l2 must be >= 0, got {l2!r}.")
    ratings_t = torch.as_tensor(np.asarray(ratings, dtype=np.float32))
    if ratings_t.shape != (len(pairs),):
        raise ValueError(f"ratings must have shape ({len(pairs)},), got {tuple(ratings_t.shape)}.")
    generator_state = torch.random.get_rng_state()
    torch.manual_seed(seed)
    model = MatrixFactorization(n_users, n_items, dim=dim, global_mean=float(ratings_t.mean()))
    torch.random.set_rng_state(generator_state)
    users = torch.as_tensor(pairs[:, 0], dtype=torch.long)
    items = torch.as_tensor(pairs[:, 1], dtype=torch.long)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        error = torch.mean((model(users, items) - ratings_t) ** 2)
        penalty = model.user_factors.weight.pow(2).sum() + model.item_factors.weight.pow(2).sum()
        loss = error + l2 * penalty
        loss.backward()
        optimizer.step()
        losses.append(float(loss.detach()))
    model.eval()
    return TrainedFactorization(model, losses)


def bpr_loss(pos_scores: torch.Tensor, neg_scores: torch.Tensor) -> torch.Tensor:
    """Bayesian personalized ranking loss (Rendle et al., 2009): mean of -log sigmoid(pos - neg).

    pos_scores (N,): the scores s_ui of items the users have seen; neg_scores (N,): the scores
    s_uj of sampled items they have not. Computed as softplus(neg - pos), which stays finite
    for any margin (a naive log(sigmoid(x)) is log(0) = -inf once sigmoid underflows). Returns a
    scalar tensor.
    """
    pos_scores, neg_scores = torch.as_tensor(pos_scores), torch.as_tensor(neg_scores)
    if pos_scores.shape != neg_scores.shape or pos_scores.numel() == 0:
        raise ValueError(f"pos_scores {tuple(pos_scores.shape)} and neg_scores {tuple(neg_scores.shape)} must have "
                         "the same, non-empty shape: one sampled negative per positive.")
    return torch.nn.functional.softplus(neg_scores - pos_scores).mean()


def sample_unseen(users: torch.Tensor, seen: torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
    """For each user id in ``users`` (N,), one item drawn uniformly from the items that user has not seen.

    seen (n_users, n_items) bool tensor, True where the user interacted with the item. Draws
    by rejection: uniform items, redrawn where the user has seen them. Returns int64 (N,) on
    the device of ``seen``.
    """
    users = torch.as_tensor(users, dtype=torch.long, device=seen.device)
    if seen.dtype != torch.bool or seen.ndim != 2:
        raise ValueError(f"seen must be a 2-D bool tensor (n_users, n_items), got {seen.dtype} {tuple(seen.shape)}.")
    if len(users) and bool(seen[users].all(dim=1).any()):
        raise ValueError("a user in users has seen every item: there is no unseen item to sample.")
    n_items = seen.shape[1]

    def draw(n: int) -> torch.Tensor:
        return torch.randint(0, n_items, (n,), generator=generator,
                             device=generator.device if generator is not None else seen.device).to(seen.device)

    items = draw(len(users))
    redraw = seen[users, items]
    while bool(redraw.any()):
        items[redraw] = draw(int(redraw.sum()))
        redraw = seen[users, items]
    return items


def recall_at_k(scores, held_out, exclude, k: int) -> float:
    """Mean over users with held-out items of (held-out items in the top k) / (held-out items).

    scores, held_out, exclude: (n_users, n_items); held_out bool (the items to find), exclude
    bool (the training items, never recommended). The top k come from :func:`top_k`.
    """
    return precision_recall_at_k(top_k(scores, k, exclude=exclude), held_out)[1]


def auc_per_user(scores, held_out, exclude) -> np.ndarray:
    """Per-user AUC: the share of (held-out item, other unseen item) pairs ranked the right way.

    scores, held_out, exclude: (n_users, n_items). For each user with at least one held-out
    item and one candidate negative (neither held out nor excluded), the probability that a
    held-out item scores above a negative one, ties counting 1/2. Returns (n_evaluated_users,).
    """
    scores = np.asarray(scores, dtype=float)
    held_out, exclude = np.asarray(held_out, dtype=bool), np.asarray(exclude, dtype=bool)
    if not scores.shape == held_out.shape == exclude.shape or scores.ndim != 2:
        raise ValueError(f"scores {scores.shape}, held_out {held_out.shape} and exclude {exclude.shape} must all be "
                         "(n_users, n_items).")
    if (held_out & exclude).any():
        raise ValueError("an item is both held out and excluded: held-out items must not be training items.")
    aucs = []
    for u in range(len(scores)):
        pos, neg = scores[u, held_out[u]], scores[u, ~held_out[u] & ~exclude[u]]
        if len(pos) and len(neg):
            diff = pos[:, None] - neg[None, :]  # (n_pos, n_neg)
            aucs.append(float(np.mean((diff > 0) + 0.5 * (diff == 0))))
    return np.array(aucs)
