"""Historical loan decisions with a recorded bias against group B, and the true repayment outcome."""

from __future__ import annotations

import hashlib
import itertools

import numpy as np
from scipy.stats import rankdata

from labkit.data.dataset import Dataset
from labkit.data.validation import check_float, check_int, check_seed

FEATURES = ["income", "debt_ratio", "credit_history_years", "employment_years", "loan_amount", "zip_area"]
N_AREAS = 10
B_AREAS = (7, 8, 9)  # the areas where most of group B lives (historical segregation)

# The weights of the repayment model, stored encoded rather than written out as a formula.
# Lesson 21's capstone asks learners to learn how repayment depends on the finances from data;
# a formula printed here (or in a docstring or the card) would be its answer key. The encoding
# only keeps the numbers from being read off at a glance: the card says that they are here and
# that decoding them is possible, and the capstone grades the learner's own network on
# applicants drawn with a seed no learner can see, so decoding gains nothing.
_ENCODED_WEIGHTS = ("f55f5fd5ce6aefd330ed9e45af9538741f0035311f80cb2478c80abeab4375c1"
                    "188556d49ebeba53fd215289635934f4")
_KEY = b"labkit.data.loans: repayment"


def load_loans(
    n_samples: int = 2000,
    *,
    bias: float = 0.5,
    group_b_share: float = 0.35,
    proxy_strength: float = 0.8,
    include_group: bool = False,
    seed: int = 0,
) -> Dataset:
    """Loan applications labelled with the historical decision (1 approved, 0 denied).

    How it is made (datasets/cards/loans.md says more, in words; the weights are not published):
    - each applicant's chance of repaying depends only on their finances, never on the group:
      it rises with income and with the years of credit history and employment, and falls with
      the debt ratio (by far the strongest factor) and the size of the loan;
      ``repaid`` is drawn from that chance;
    - the past loan officers saw the same features, scored them with noise and subtracted
      ``bias`` (logit units) for group B; the top ~60% of scores were approved;
    - ``zip_area`` (0..9) is a proxy: a share ``proxy_strength`` of group B lives in
      areas 7-9, group A mostly elsewhere; group B's incomes are 10% lower on average.

    Args:
        n_samples: number of applications (>= 10).
        bias: the officers' penalty for group B, in logit units (0 removes it).
        group_b_share: share of applicants in group B, in (0, 1).
        proxy_strength: share of group B living in zip areas 7-9, in [0, 1].
        include_group: add the group as a 7th column ``group_b`` (0/1).
        seed: a non-negative integer; the same seed gives the same applicants for any ``bias``.

    Returns X (n_samples, 6) float32 with FEATURES (plus "group_b" 0/1 when include_group=True),
    y (n_samples,) int64 decisions, and extras "group" (0=A, 1=B), "repaid" (0/1 truth), "bias",
    and "summary" (rates per group, and "best_possible_auc": how well the applicants' true
    chances of repaying rank who repaid in this draw, the ceiling for any model).
    """
    n_samples = check_int("n_samples", n_samples, minimum=10)
    bias = check_float("bias", bias, 0.0, 5.0)
    group_b_share = check_float("group_b_share", group_b_share, 0.0, 1.0, inclusive_min=False, inclusive_max=False)
    proxy_strength = check_float("proxy_strength", proxy_strength, 0.0, 1.0)
    if not isinstance(include_group, bool):
        raise TypeError(f"include_group must be True or False, got {include_group!r}.")
    rng = np.random.default_rng(check_seed(seed))

    group = (rng.random(n_samples) < group_b_share).astype(np.int64)  # 1 = group B
    in_b_area = rng.random(n_samples) < np.where(group == 1, proxy_strength, 0.3 * (1 - proxy_strength))
    zip_area = np.where(
        in_b_area, rng.choice(B_AREAS, n_samples), rng.integers(0, N_AREAS - len(B_AREAS), n_samples)
    )
    income = rng.lognormal(np.log(55.0), 0.45, n_samples) * np.where(group == 1, 0.9, 1.0)  # k$ / year
    debt_ratio = rng.beta(2.0, 5.0, n_samples)
    credit_history = np.minimum(rng.gamma(3.0, 3.0, n_samples), 45.0)  # years
    employment = np.minimum(rng.gamma(1.6, 3.5, n_samples), 40.0)  # years
    loan = rng.lognormal(np.log(15.0), 0.5, n_samples)  # k$

    merit = _merit(income, debt_ratio, credit_history, employment, loan)  # logit of the chance of repaying
    repay_probability = 1.0 / (1.0 + np.exp(-merit))
    repaid = (rng.random(n_samples) < repay_probability).astype(np.int64)
    officer_score = merit + rng.normal(0.0, 0.5, n_samples) - bias * group
    approved = (officer_score > np.quantile(officer_score, 0.4)).astype(np.int64)

    columns = [income, debt_ratio, credit_history, employment, loan, zip_area.astype(float)]
    names = list(FEATURES)
    if include_group:
        columns.append(group.astype(float))
        names.append("group_b")
    return Dataset(
        X=np.stack(columns, axis=1).astype(np.float32),
        y=approved,
        feature_names=names,
        target_names=["denied", "approved"],
        description=f"{n_samples} historical loan decisions; group B penalised by {bias:g} logit at equal merit",
        extras={
            "group": group,
            "group_names": ["A", "B"],
            "repaid": repaid,
            "bias": bias,
            "summary": _summary(group, approved, repaid, repay_probability),
        },
        per_sample=("group", "repaid"),
    )


def _merit(income, debt_ratio, credit_history, employment, loan) -> np.ndarray:
    """The logit of each applicant's chance of repaying: (N,) arrays of the finances -> (N,)."""
    key = itertools.cycle(hashlib.sha256(_KEY).digest())
    weights = np.frombuffer(bytes(a ^ b for a, b in zip(bytes.fromhex(_ENCODED_WEIGHTS), key)), dtype="<f8")
    terms = np.stack([np.ones_like(income), np.log(income), debt_ratio, credit_history, employment, np.log(loan)])
    return weights @ terms


def _rank_auc(score: np.ndarray, label: np.ndarray) -> float:
    """Area under the ROC curve of ``score`` (N,) for the 0/1 ``label`` (N,): the Mann-Whitney statistic."""
    n_pos = int(label.sum())
    n_neg = len(label) - n_pos
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    ranks = rankdata(score)  # ties share their average rank
    return float((ranks[label == 1].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def _summary(group: np.ndarray, approved: np.ndarray, repaid: np.ndarray, p: np.ndarray) -> dict[str, float]:
    """Approval and repayment rates per group, approval rates among equally creditworthy people,
    and the AUC of the true chances of repaying (the best any model can rank this draw)."""
    out: dict[str, float] = {}
    similar = (p >= 0.7) & (p < 0.85)
    for g, name in enumerate("AB"):
        member = group == g
        out[f"share_{name}"] = float(member.mean())
        out[f"approval_rate_{name}"] = float(approved[member].mean())
        out[f"repay_rate_{name}"] = float(repaid[member].mean())
        out[f"approval_rate_{name}_at_repay_prob_0.70_0.85"] = float(approved[member & similar].mean())
    out["best_possible_auc"] = _rank_auc(p, repaid)
    return out
