"""Historical loan decisions with a recorded bias against group B, and the true repayment outcome."""

from __future__ import annotations

import numpy as np

from labkit.data.dataset import Dataset
from labkit.data.validation import check_float, check_int, check_seed

FEATURES = ["income", "debt_ratio", "credit_history_years", "employment_years", "loan_amount", "zip_area"]
N_AREAS = 10
B_AREAS = (7, 8, 9)  # the areas where most of group B lives (historical segregation)


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

    How it is made (see datasets/cards/loans.md):
    - creditworthiness depends only on the features, never on the group:
      logit = 1.3 + 0.9 log(income/55) - 4 (debt_ratio - 0.3) + 0.05 (history - 8)
              + 0.08 (employment - 5) - 0.5 log(loan/15);  repaid ~ Bernoulli(sigmoid(logit + noise));
    - the past loan officers saw the features, scored them with noise and subtracted
      ``bias`` (logit units) for group B; the top ~60% of scores were approved;
    - ``zip_area`` (0..9) is a proxy: a share ``proxy_strength`` of group B lives in
      areas 7-9, group A mostly elsewhere; group B's incomes are 10% lower on average.

    Returns X (n_samples, 6) float32 with FEATURES (plus "group_b" 0/1 when
    include_group=True), y (n_samples,) int64 decisions, and extras "group" (0=A, 1=B),
    "repaid" (0/1 truth), "repay_probability", "bias", "summary" (rates per group).
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

    merit = (
        1.3
        + 0.9 * np.log(income / 55.0)
        - 4.0 * (debt_ratio - 0.3)
        + 0.05 * (credit_history - 8.0)
        + 0.08 * (employment - 5.0)
        - 0.5 * np.log(loan / 15.0)
    )
    repay_probability = _sigmoid(merit)  # the applicant's real chance of repaying
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
            "repay_probability": repay_probability.astype(np.float32),
            "bias": bias,
            "summary": _summary(group, approved, repaid, repay_probability),
        },
        per_sample=("group", "repaid", "repay_probability"),
    )


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def _summary(group: np.ndarray, approved: np.ndarray, repaid: np.ndarray, p: np.ndarray) -> dict[str, float]:
    """Approval and repayment rates per group, and approval rates among equally creditworthy people."""
    out: dict[str, float] = {}
    similar = (p >= 0.7) & (p < 0.85)
    for g, name in enumerate("AB"):
        member = group == g
        out[f"share_{name}"] = float(member.mean())
        out[f"approval_rate_{name}"] = float(approved[member].mean())
        out[f"repay_rate_{name}"] = float(repaid[member].mean())
        out[f"approval_rate_{name}_at_repay_prob_0.70_0.85"] = float(approved[member & similar].mean())
    return out
