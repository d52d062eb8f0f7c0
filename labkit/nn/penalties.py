"""L1 and L2 weight penalties, added to the loss to keep weights small (regularization).

Both return the penalty (a float to add to the loss you report) and, by default,
add its gradient to each parameter's ``.grad`` right away, so call them after
``model.backward(...)`` and before ``optimizer.step()``:

    loss = loss_fn(model(x), y)
    model.backward(loss_fn.backward())
    loss += l2_penalty(model.parameters(), lam=1e-3)
    optimizer.step()

Convention: ``l2_penalty`` is (lam / 2) * sum(w^2), whose gradient lam * w is exactly
what SGD's ``weight_decay=lam`` adds; ``l1_penalty`` is lam * sum(|w|), gradient lam * sign(w).
Pass only the weights (not the biases) if you follow the usual practice.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

from labkit.nn.module import Module
from labkit.nn.parameter import Parameter


def _params(params) -> list[Parameter]:
    if isinstance(params, Module):
        params = params.parameters()
    params = list(params)
    for p in params:
        if not isinstance(p, Parameter):
            raise TypeError(f"penalties expect Parameters (e.g. model.parameters()), got {type(p).__name__}.")
    return params


def l1_penalty(params: Iterable[Parameter] | Module, lam: float, add_grad: bool = True) -> float:
    """lam * sum |w| over all params; adds lam * sign(w) to each .grad when add_grad."""
    if lam < 0:
        raise ValueError(f"l1_penalty: lam must be >= 0, got {lam}.")
    total = 0.0
    for p in _params(params):
        total += float(np.abs(p.data).sum())
        if add_grad:
            p.accumulate_grad(lam * np.sign(p.data))
    return lam * total


def l2_penalty(params: Iterable[Parameter] | Module, lam: float, add_grad: bool = True) -> float:
    """(lam / 2) * sum w^2 over all params; adds lam * w to each .grad when add_grad."""
    if lam < 0:
        raise ValueError(f"l2_penalty: lam must be >= 0, got {lam}.")
    total = 0.0
    for p in _params(params):
        total += float((p.data * p.data).sum())
        if add_grad:
            p.accumulate_grad(lam * p.data)
    return 0.5 * lam * total
