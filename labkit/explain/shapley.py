"""Shapley values (Shapley, 1953): each feature's fair share of a prediction, by enumeration.

A *game* gives every coalition S of the n features a value v(S), here the model's output
when the features in S are the example's own and the others are "absent". The Shapley
value of feature i is its marginal contribution v(S ∪ {i}) - v(S), averaged over the n!
orders in which the features could join:

    phi_i = sum over S ⊆ N \\ {i} of  |S|! (n - |S| - 1)! / n!  [v(S ∪ {i}) - v(S)]

It is the only attribution with efficiency (the phi add up to v(N) - v(∅)), symmetry,
dummy (a feature that never changes v gets 0) and additivity. Exact values cost 2^n
evaluations of v: fine for a handful of features; ``sampled_shapley_values`` averages
over random orders instead (Castro et al., 2009; Štrumbelj & Kononenko, 2014).

SHAP (Lundberg & Lee, 2017) is the Shapley value of the game v(S) = E[f(x) | x_S]; their
Kernel SHAP estimates it with the features treated as independent, i.e. "absent" features
drawn from a background data set, which is what ``coalition_values`` computes.
"""

from __future__ import annotations

import itertools
import math
from typing import Callable, Sequence

import numpy as np
import torch

from labkit.errors import ShapeError

Value = Callable[[tuple], float]


def shapley_values(value: Value, n_features: int) -> np.ndarray:
    """Exact Shapley values of the game ``value`` on features 0..n_features-1.

    Args:
        value: maps a coalition, a tuple of feature indices in increasing order, to a number.
        n_features: the number of features (2^n_features coalitions are evaluated, each once).

    Returns:
        (n_features,) float array; it sums to value(all) - value(()).
    """
    if not isinstance(n_features, int) or not 1 <= n_features <= 20:
        raise ValueError(f"n_features should be an integer from 1 to 20 (2^n coalitions), got {n_features!r}.")
    cache: dict[tuple, float] = {}

    def v(coalition: tuple) -> float:
        if coalition not in cache:
            cache[coalition] = float(value(coalition))
        return cache[coalition]

    phi = np.zeros(n_features)
    for i in range(n_features):
        others = [j for j in range(n_features) if j != i]
        for size in range(n_features):
            weight = math.factorial(size) * math.factorial(n_features - size - 1) / math.factorial(n_features)
            for s in itertools.combinations(others, size):
                phi[i] += weight * (v(tuple(sorted(s + (i,)))) - v(s))
    return phi


def sampled_shapley_values(value: Value, n_features: int, n_permutations: int, seed: int = 0) -> np.ndarray:
    """Shapley values estimated from ``n_permutations`` random orders of the features (unbiased)."""
    if not isinstance(n_permutations, int) or n_permutations < 1:
        raise ValueError(f"n_permutations should be a positive integer, got {n_permutations!r}.")
    rng = np.random.default_rng(seed)
    phi = np.zeros(n_features)
    for _ in range(n_permutations):
        coalition: tuple = ()
        before = float(value(coalition))
        for i in rng.permutation(n_features):
            coalition = tuple(sorted(coalition + (int(i),)))
            after = float(value(coalition))
            phi[i] += after - before
            before = after
    return phi / n_permutations


def coalition_values(model: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, background: torch.Tensor,
                     output: Callable[[torch.Tensor], torch.Tensor]) -> np.ndarray:
    """The model's output for every coalition of the features of each row of x, one forward pass.

    Args:
        model: maps rows (M, F) to outputs; ``output(model(rows))`` must give one number per row (M,).
        x: the examples to explain, (N, F).
        background: (B, F) rows that supply the absent features; a coalition's value is the
            average output over the background rows with the coalition's features taken from x.
        output: picks the explained number from the model's output, e.g. P(class 1).

    Returns:
        (N, 2^F) array; column m is the coalition of the features whose bit is set in m.
    """
    if x.dim() != 2 or background.dim() != 2 or x.shape[1] != background.shape[1]:
        raise ShapeError(f"x (N, F) and background (B, F) should be tables with the same F columns, got "
                         f"{tuple(x.shape)} and {tuple(background.shape)}.")
    n, f = x.shape
    masks = torch.tensor([[(m >> j) & 1 for j in range(f)] for m in range(2**f)], dtype=torch.bool)  # (2^F, F)
    rows = torch.where(masks[None, :, None, :], x[:, None, None, :], background[None, None, :, :])  # (N, 2^F, B, F)
    with torch.no_grad():
        out = output(model(rows.reshape(-1, f)))  # (N * 2^F * B,)
    return out.reshape(n, 2**f, len(background)).mean(dim=2).double().cpu().numpy()


def as_game(values: Sequence[float]) -> Value:
    """A coalition -> value function reading one row of ``coalition_values`` (bit j = feature j present)."""
    return lambda coalition: values[sum(1 << j for j in coalition)]
