"""Recommenders that predict a user's rating of an item from learned embeddings.

Both take the pair (user id, item id), either as two tensors or as one (N, 2) tensor
``[[user, item], ...]`` (so that ``fit(model, (pairs, ratings), loss="mse")`` works).
"""

from __future__ import annotations

from typing import Sequence

import torch
from torch import nn

from labkit.models.mlp import check_dropout, check_sizes


def _split_pairs(users: torch.Tensor, items: torch.Tensor | None) -> tuple[torch.Tensor, torch.Tensor]:
    if items is None:
        if users.dim() != 2 or users.shape[1] != 2:
            raise ValueError(f"pass (users, items) or one (N, 2) tensor of [user, item] pairs; got {tuple(users.shape)}.")
        users, items = users[:, 0], users[:, 1]
    return users.long(), items.long()


class MatrixFactorization(nn.Module):
    """rating(u, i) = p_u . q_i + b_u + b_i + global_mean.

    Args:
        n_users, n_items: how many ids (users 0..n_users-1, items 0..n_items-1).
        dim: length of each user and item vector (the "tastes").
        global_mean: starting value of the overall bias, e.g. the mean training rating.

    Shapes: users (N,), items (N,) int64, or pairs (N, 2) -> ratings (N,).
    """

    def __init__(self, n_users: int, n_items: int, dim: int = 16, global_mean: float = 0.0) -> None:
        super().__init__()
        check_sizes("n_users, n_items, dim", (n_users, n_items, dim))
        self.user_factors = nn.Embedding(n_users, dim)
        self.item_factors = nn.Embedding(n_items, dim)
        self.user_bias = nn.Embedding(n_users, 1)
        self.item_bias = nn.Embedding(n_items, 1)
        self.global_bias = nn.Parameter(torch.tensor(float(global_mean)))
        for table in (self.user_factors, self.item_factors):
            nn.init.normal_(table.weight, std=0.1)
        for table in (self.user_bias, self.item_bias):
            nn.init.zeros_(table.weight)

    def forward(self, users: torch.Tensor, items: torch.Tensor | None = None) -> torch.Tensor:
        """users (N,), items (N,) or pairs (N, 2) -> (N,)."""
        users, items = _split_pairs(users, items)
        dot = (self.user_factors(users) * self.item_factors(items)).sum(dim=1)  # (N,)
        return dot + self.user_bias(users)[:, 0] + self.item_bias(items)[:, 0] + self.global_bias


class NeuralRecommender(nn.Module):
    """Concatenate user and item embeddings and let an MLP predict the rating.

    Args:
        n_users, n_items: how many ids.
        dim: embedding size of users and of items.
        hidden: widths of the MLP's hidden layers (ReLU).
        dropout: dropout after each hidden layer.
        global_mean: added to the output, e.g. the mean training rating.

    Shapes: users (N,), items (N,) or pairs (N, 2) -> ratings (N,).
    """

    def __init__(self, n_users: int, n_items: int, dim: int = 16, hidden: Sequence[int] = (64, 32),
                 dropout: float = 0.1, global_mean: float = 0.0) -> None:
        super().__init__()
        check_sizes("n_users, n_items, dim", (n_users, n_items, dim))
        self.user_embedding = nn.Embedding(n_users, dim)
        self.item_embedding = nn.Embedding(n_items, dim)
        layers: list[nn.Module] = []
        width = 2 * dim
        for size in check_sizes("hidden", hidden):
            layers += [nn.Linear(width, size), nn.ReLU(), nn.Dropout(check_dropout(dropout))]
            width = size
        self.mlp = nn.Sequential(*layers, nn.Linear(width, 1))
        self.global_mean = float(global_mean)

    def forward(self, users: torch.Tensor, items: torch.Tensor | None = None) -> torch.Tensor:
        """users (N,), items (N,) or pairs (N, 2) -> (N,)."""
        users, items = _split_pairs(users, items)
        h = torch.cat([self.user_embedding(users), self.item_embedding(items)], dim=1)  # (N, 2 dim)
        return self.mlp(h)[:, 0] + self.global_mean
