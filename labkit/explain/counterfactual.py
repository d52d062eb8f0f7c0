"""Counterfactual explanations (Wachter, Mittelstadt & Russell, 2017).

"You were denied because of X" becomes "you would have been approved if your debt had been
lower by this much": the smallest change to an input that flips the model's decision.
Wachter et al. find it by gradient descent on

    loss(x') = lam * (f(x') - y_target)^2 + sum_k |x'_k - x_k| / MAD_k

where f is the model's probability of the wanted class, y_target the wanted output and MAD_k
the median absolute deviation of feature k (a robust scale that makes the L1 distance favour
changing few features). They raise lam until f(x') is close enough to y_target; here lam
doubles until the decision flips (f(x') > 0.5), and features can be frozen (``mutable``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

import torch

from labkit.errors import ShapeError


@dataclass(frozen=True)
class CounterfactualResult:
    """x_counterfactual: (F,) the changed input; probability: f there; distance: the MAD-weighted L1
    distance to x; lam: the weight that flipped the decision; flipped: whether f(x') > 0.5."""

    x_counterfactual: torch.Tensor
    probability: float
    distance: float
    lam: float
    flipped: bool


def counterfactual(model: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, wanted: int, scale: torch.Tensor,
                   mutable: Optional[torch.Tensor] = None, y_target: float = 0.6, lam: float = 1.0,
                   max_doublings: int = 12, steps: int = 100, lr: float = 0.05) -> CounterfactualResult:
    """The nearest input (MAD-weighted L1) where the model gives class ``wanted`` a probability above 0.5.

    Args:
        model: maps rows (N, F) to class scores (N, C).
        x: one example, shape (F,).
        wanted: the class the counterfactual should get.
        scale: (F,) positive scale of each feature (MAD_k); distances are |change| / scale.
        mutable: (F,) bool, the features allowed to change (default: all).
        y_target: the wanted probability in the loss; lam: the first weight of the prediction term,
            doubled up to ``max_doublings`` times until the decision flips.
        steps, lr: Adam steps and learning rate for each lam.
    """
    if x.dim() != 1 or scale.shape != x.shape:
        raise ShapeError(f"x and scale should both have shape (F,), got {tuple(x.shape)} and {tuple(scale.shape)}.")
    if not bool((scale > 0).all()):
        raise ValueError("scale should be positive for every feature (a MAD of 0 would make a change free).")
    x = x.detach()
    mutable = torch.ones_like(x, dtype=torch.bool) if mutable is None else torch.as_tensor(mutable, dtype=torch.bool)
    free = mutable.to(x.dtype)
    change = torch.zeros_like(x)
    for _ in range(max_doublings + 1):
        change = change.detach().requires_grad_(True)
        optimizer = torch.optim.Adam([change], lr=lr)
        for _ in range(steps):
            candidate = x + change * free
            p = torch.softmax(model(candidate[None]), dim=1)[0, wanted]
            loss = lam * (p - y_target) ** 2 + (change * free / scale).abs().sum()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            candidate = x + change * free
            p = float(torch.softmax(model(candidate[None]), dim=1)[0, wanted])
        if p > 0.5:
            break
        lam *= 2
    distance = float((candidate - x).abs().div(scale).sum())
    return CounterfactualResult(candidate.detach(), p, distance, lam, p > 0.5)
