"""Membership inference by loss threshold (Yeom et al., 2018): was this example in the training set?

A model that memorizes its training data has a lower loss on it than on data it has
never seen. The attacker guesses "member" when an example's loss is at most a
threshold t. Over all thresholds, the attack's *advantage* is

    advantage = max_t  TPR(t) - FPR(t)
              = max_t  P(loss <= t | member) - P(loss <= t | non-member)

(0 = the attacker learns nothing, 1 = perfect), and its AUC is the chance that a random
member has a lower loss than a random non-member (0.5 = chance).

Differential privacy bounds every attack. Viewing membership inference as a hypothesis
test (Kairouz, Oh & Viswanath, 2015), an (epsilon, delta)-DP training run forces
TPR <= e^eps FPR + delta and 1 - FPR <= e^eps (1 - TPR) + delta, so (Humphries et al., 2020)

    advantage <= (e^eps - 1 + 2 delta) / (e^eps + 1)          (``advantage_bound``)

which is tight and always below 1. The older bound e^eps - 1 (Yeom et al., 2018, delta = 0;
``loose_advantage_bound``) exceeds 1, and so says nothing, once eps > ln 2.

Average-case numbers (the advantage, the AUC) hide attacks that are sure of a few
examples; Carlini et al. (2022) judge an attack by its TPR at a low FPR (``roc_curve``,
``tpr_at_fpr``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional

import math

import numpy as np
import torch
from scipy.stats import rankdata

from labkit.errors import ShapeError


@dataclass(frozen=True)
class MembershipInferenceResult:
    """advantage: max TPR - FPR; threshold: the loss threshold reaching it (member if loss <= threshold);
    tpr, fpr at that threshold; auc; member_losses (M,) and non_member_losses (K,) as attacked."""

    advantage: float
    threshold: float
    tpr: float
    fpr: float
    auc: float
    member_losses: np.ndarray
    non_member_losses: np.ndarray

    def _repr_markdown_(self) -> str:
        return (f"membership inference (loss threshold): advantage **{self.advantage:.3f}** "
                f"(TPR {self.tpr:.3f} - FPR {self.fpr:.3f} at loss <= {self.threshold:.4g}), AUC {self.auc:.3f}")


def _losses(values: Any, name: str) -> np.ndarray:
    if hasattr(values, "detach"):
        values = values.detach().cpu().numpy()
    values = np.asarray(values, dtype=float)
    if values.ndim != 1 or values.size == 0:
        raise ShapeError(f"{name} should be a non-empty list of per-example losses (M,), got shape {values.shape}.")
    if not np.isfinite(values).all():
        raise ValueError(f"{name} contains nan or inf losses.")
    return values


def membership_advantage(member_losses: Any, non_member_losses: Any) -> MembershipInferenceResult:
    """The loss-threshold attack on given per-example losses.

    Args:
        member_losses: losses on training examples, shape (M,).
        non_member_losses: losses on held-out examples, shape (K,).
    """
    members, others = _losses(member_losses, "member_losses"), _losses(non_member_losses, "non_member_losses")
    candidates = np.concatenate([[-np.inf], np.unique(np.concatenate([members, others]))])  # (T,)
    tpr = np.searchsorted(np.sort(members), candidates, side="right") / len(members)  # P(loss <= t | member)
    fpr = np.searchsorted(np.sort(others), candidates, side="right") / len(others)
    best = int(np.argmax(tpr - fpr))

    ranks = rankdata(np.concatenate([-members, -others]))  # higher rank = lower loss; ties share ranks
    auc = (ranks[: len(members)].sum() - len(members) * (len(members) + 1) / 2) / (len(members) * len(others))
    return MembershipInferenceResult(float(tpr[best] - fpr[best]), float(candidates[best]), float(tpr[best]),
                                     float(fpr[best]), float(auc), members, others)


def per_example_loss(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor,
                     loss_fn: Optional[Callable[[torch.Tensor, torch.Tensor], torch.Tensor]] = None,
                     batch_size: int = 1024) -> np.ndarray:
    """Loss of every example, (N,), with the model in eval mode (restored afterwards).

    loss_fn must return one loss per example, e.g. torch.nn.CrossEntropyLoss(reduction="none")
    (the default).
    """
    loss_fn = torch.nn.CrossEntropyLoss(reduction="none") if loss_fn is None else loss_fn
    if len(x) != len(y):
        raise ShapeError(f"x and y should hold the same number of examples, got {len(x)} and {len(y)}.")
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            losses = torch.cat([loss_fn(model(x[i : i + batch_size]), y[i : i + batch_size]).reshape(-1)
                                for i in range(0, len(x), batch_size)])
    finally:
        model.train(was_training)
    if losses.shape != (len(x),):
        raise ShapeError(f"loss_fn should give one loss per example ({len(x)}), got {tuple(losses.shape)}. "
                         "Hint: use reduction='none'.")
    return losses.cpu().numpy()


def loss_threshold_attack(model: torch.nn.Module, members: tuple[torch.Tensor, torch.Tensor],
                          non_members: tuple[torch.Tensor, torch.Tensor],
                          loss_fn: Optional[Callable[[torch.Tensor, torch.Tensor], torch.Tensor]] = None
                          ) -> MembershipInferenceResult:
    """Attack ``model`` with its own losses on training data and on held-out data.

    Args:
        model: the trained torch model.
        members: (x, y) the model was trained on, x (M, ...), y (M,).
        non_members: (x, y) it never saw, from the same distribution, x (K, ...), y (K,).
        loss_fn: per-example loss (reduction="none"); default cross-entropy.
    """
    member_losses = per_example_loss(model, *members, loss_fn)
    non_member_losses = per_example_loss(model, *non_members, loss_fn)
    return membership_advantage(member_losses, non_member_losses)


def advantage_bound(epsilon: float, delta: float = 0.0) -> float:
    """The tight bound (e^eps - 1 + 2 delta) / (e^eps + 1) on TPR - FPR of any membership attack
    on an (epsilon, delta)-DP mechanism (hypothesis-testing view: Kairouz, Oh & Viswanath, 2015;
    for membership inference: Humphries et al., 2020)."""
    if not epsilon >= 0 or not 0 <= delta <= 1:
        raise ValueError(f"expected epsilon >= 0 and delta in [0, 1], got {epsilon!r}, {delta!r}.")
    if math.isinf(epsilon):
        return 1.0
    return min(1.0, (math.expm1(epsilon) + 2 * delta) / (math.exp(epsilon) + 1))


def loose_advantage_bound(epsilon: float) -> float:
    """e^eps - 1: Yeom et al. (2018)'s bound for eps-DP (delta = 0); above 1 once eps > ln 2."""
    if not epsilon >= 0:
        raise ValueError(f"expected epsilon >= 0, got {epsilon!r}.")
    return math.expm1(epsilon)


def roc_curve(member_scores: Any, non_member_scores: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(fpr, tpr, thresholds) of the attack "member if score >= threshold", one point per distinct
    score, from (0, 0) up to (1, 1), as ``sklearn.metrics.roc_curve(..., drop_intermediate=False)``.
    A higher score means "more likely a member" (for the loss attack, pass -loss)."""
    members, others = _losses(member_scores, "member_scores"), _losses(non_member_scores, "non_member_scores")
    thresholds = np.concatenate([[np.inf], np.unique(np.concatenate([members, others]))[::-1]])  # (T,)
    tpr = (len(members) - np.searchsorted(np.sort(members), thresholds, side="left")) / len(members)
    fpr = (len(others) - np.searchsorted(np.sort(others), thresholds, side="left")) / len(others)
    return fpr, tpr, thresholds


def tpr_at_fpr(member_scores: Any, non_member_scores: Any, max_fpr: float) -> float:
    """The largest TPR of "member if score >= t" over thresholds whose FPR is at most ``max_fpr``
    (Carlini et al., 2022). With K non-members an FPR below 1 / K means no false positive at all."""
    fpr, tpr, _ = roc_curve(member_scores, non_member_scores)
    return float(tpr[fpr <= max_fpr].max())
