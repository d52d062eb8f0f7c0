"""The model-randomization sanity check (Adebayo et al., 2018), with Spearman's rank correlation.

Re-randomize a model's layers from the output down ("cascading" randomization) and compare
the maps of each damaged copy with the trained model's maps. A map that barely changes
while the model is destroyed shows the input more than the model.

The comparison is Spearman's rho of the absolute maps: the Pearson correlation of their
ranks, where tied values share the *average* of the ranks they occupy (as
``scipy.stats.spearmanr``). Attribution maps are full of ties (every blank pixel of a
gradient × input map is exactly 0); ranking them 0, 1, 2, ... in array order instead
(``np.argsort(np.argsort(v))``) invents an order among the ties and biases the result.
"""

from __future__ import annotations

import copy
from typing import Callable, Optional

import numpy as np
import torch

from labkit.errors import ShapeError


def average_ranks(values: np.ndarray) -> np.ndarray:
    """values (n,) -> (n,) float ranks 0..n-1; tied values share the mean of the ranks they occupy."""
    values = np.asarray(values).ravel()
    _, group, counts = np.unique(values, return_inverse=True, return_counts=True)  # sorted distinct values
    first = np.cumsum(counts) - counts  # the first rank each group occupies
    return (first + (counts - 1) / 2.0)[group.ravel()]


def spearman_correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman's rho of two vectors of the same length (ties get average ranks), as scipy.stats.spearmanr.

    Returns nan when one of them is constant (its ranks have no spread).
    """
    a, b = np.asarray(a, dtype=float).ravel(), np.asarray(b, dtype=float).ravel()
    if a.shape != b.shape:
        raise ShapeError(f"spearman_correlation needs two vectors of the same length, got {a.shape} and {b.shape}.")
    ra, rb = average_ranks(a), average_ranks(b)
    ra, rb = ra - ra.mean(), rb - rb.mean()
    spread = np.sqrt((ra**2).sum() * (rb**2).sum())
    return float((ra * rb).sum() / spread) if spread > 0 else float("nan")


def linear_layers(model: torch.nn.Module) -> list[torch.nn.Linear]:
    """The model's torch.nn.Linear layers, from the input to the output."""
    return [m for m in model.modules() if isinstance(m, torch.nn.Linear)]


def randomize_top_layers(model: torch.nn.Module, k: int, seed: int = 0) -> torch.nn.Module:
    """A copy of ``model`` whose last ``k`` Linear layers (counted from the output) get fresh random weights."""
    randomized = copy.deepcopy(model)
    layers = linear_layers(randomized)
    if not 0 <= k <= len(layers):
        raise ValueError(f"k should be between 0 and the {len(layers)} linear layers of the model, got {k}.")
    torch.manual_seed(seed)
    for layer in layers[len(layers) - k:] if k > 0 else []:
        layer.reset_parameters()
    return randomized


def sanity_check(
    model: torch.nn.Module,
    explain: Callable[[torch.nn.Module, torch.Tensor, object], torch.Tensor],
    x: torch.Tensor,
    target: object,
    randomize: Optional[Callable[[torch.nn.Module, int], torch.nn.Module]] = None,
) -> np.ndarray:
    """Mean Spearman rho of |maps| between the model and copies with its top k layers randomized.

    Args:
        model: a classifier with L torch.nn.Linear layers.
        explain: ``explain(model, x, target)`` -> attribution maps shaped like x (N, ...).
        x: a batch of inputs (N, ...); target: the classes to explain (an int or N indices).
        randomize: ``randomize(model, k)`` -> a copy with the last k Linear layers randomized
            (default ``randomize_top_layers``).

    Returns:
        (L + 1,) array; entry k averages, over the N examples, Spearman's rho of the flattened
        absolute maps of ``model`` and of ``randomize(model, k)`` (entry 0: an unchanged copy, 1.0).
    """
    randomize = randomize_top_layers if randomize is None else randomize
    original = np.abs(np.asarray(explain(model, x, target).detach().cpu(), dtype=float)).reshape(len(x), -1)
    result = []
    for k in range(len(linear_layers(model)) + 1):
        other = np.abs(np.asarray(explain(randomize(model, k), x, target).detach().cpu(), dtype=float))
        other = other.reshape(len(x), -1)
        result.append(np.mean([spearman_correlation(u, v) for u, v in zip(original, other)]))
    return np.array(result)
