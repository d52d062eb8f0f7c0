"""gradcheck: compare a backward pass with gradients measured by central differences.

For each input value and each parameter value w, the numerical gradient is
(f(w + eps) - f(w - eps)) / (2 eps); the analytic one comes from ``backward``.
A module's output is turned into one number f = sum(r * output) with a fixed
random r, so every output takes part; ``backward(r)`` then gives the analytic
gradient of that f. The error of one value is

    |analytic - numerical| / max(|analytic|, |numerical|, min_scale)

(relative for ordinary gradients, measured against min_scale for tiny ones,
which central differences cannot resolve relatively). The check passes when the
worst error is at most ``tol``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

from labkit.nn import random as nn_random
from labkit.nn.losses import Loss
from labkit.nn.module import Module


@dataclass
class TensorCheck:
    """The outcome for one tensor: its worst element."""

    name: str
    shape: tuple
    max_error: float
    index: tuple
    analytic: float
    numerical: float
    checked: int


@dataclass
class GradcheckResult:
    """What ``gradcheck`` found. ``bool(result)`` is ``result.passed``; ``print(result)`` explains it.

    Attributes:
        passed: every checked value has error <= tol.
        max_error: the worst error over all tensors (relative error, see the module docstring).
        tensor: name of the tensor where it occurred ("input 0", "weight", "0.bias", ...).
        index: the position of that value inside the tensor.
        analytic, numerical: the two gradients at that position.
        tol: the tolerance used.
        tensors: one TensorCheck per tensor.
        skipped: tensors that were not checked, with the reason.
    """

    target: str
    passed: bool
    max_error: float
    tensor: str
    index: tuple
    analytic: float
    numerical: float
    tol: float
    eps: float
    tensors: list[TensorCheck] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        verdict = "PASSED" if self.passed else "FAILED"
        lines = [f"gradcheck {verdict} for {self.target}: worst relative error {self.max_error:.2e} "
                 f"(tolerance {self.tol:.0e}, eps {self.eps:.0e})",
                 f"  worst at {self.tensor}{list(self.index)}: analytic {self.analytic:.8g}, "
                 f"numerical {self.numerical:.8g}"]
        width = max([len(t.name) for t in self.tensors] + [6])
        lines.append(f"  {'tensor':<{width}}  {'shape':<16} {'max error':>10}  {'checked':>7}")
        for t in self.tensors:
            mark = "" if t.max_error <= self.tol else "  <-- wrong"
            lines.append(f"  {t.name:<{width}}  {str(t.shape):<16} {t.max_error:>10.2e}  {t.checked:>7}{mark}")
        for reason in self.skipped:
            lines.append(f"  not checked: {reason}")
        if not self.passed:
            lines.append(f"  Hint: the backward pass is wrong for {self.tensor}. Compare your formula for its "
                         "gradient with the numerical one; check for a missing term, a transposed matrix, "
                         "a missing sum over the batch, or a wrong sign.")
        return "\n".join(lines)

    __repr__ = __str__


def numerical_gradient(f: Callable[[], float], x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Central-difference gradient of the number ``f()`` with respect to the array ``x`` (changed in place, restored).

    x (*) -> gradient (*), one pair of calls of f per element.
    """
    grad = np.zeros(x.shape, dtype=np.float64)
    for index in np.ndindex(*x.shape):
        original = x[index]
        x[index] = original + eps
        plus = float(f())
        x[index] = original - eps
        minus = float(f())
        x[index] = original
        grad[index] = (plus - minus) / (2 * eps)
    return grad


def _as_list(value) -> list:
    if isinstance(value, (tuple, list)):
        return list(value)
    return [value]


def _generators(module: Module) -> list[np.random.Generator]:
    return [m.generator for m in module.modules() if isinstance(getattr(m, "generator", None), np.random.Generator)]


def gradcheck(target, inputs: Sequence, eps: float = 1e-6, tol: float = 1e-5, min_scale: float = 1e-3,
              grad_fn: Callable | None = None, max_checks: int | None = None, seed: int = 0) -> GradcheckResult:
    """Check the analytic gradients of ``target`` against central differences.

    Args:
        target: a Module (checks its float inputs and all its parameters), a Loss
            (checks the gradient for pred; the target is a constant), or a function
            ``fn(*inputs) -> number`` together with ``grad_fn(*inputs)`` returning its
            gradient (one array, or a tuple with one per input).
        inputs: the arguments, e.g. ``(x,)`` for a layer or ``(pred, target)`` for a loss.
            Arrays are copied; integer arrays (Embedding ids) are constants.
        eps: the step of the central difference (use float64: float32 is too coarse).
        tol: the largest error that passes.
        min_scale: gradients smaller than this are compared absolutely (see module docstring).
        max_checks: check at most this many random positions per tensor (None: all).
        seed: seeds the random output weights r and the choice of positions.

    The module's state (parameters, running statistics, gradients, Dropout's
    generator) is the same afterwards; Dropout draws the same mask in every call.
    """
    if not isinstance(inputs, (tuple, list)):
        inputs = (inputs,)
    inputs = [np.array(a, dtype=np.float64) if np.asarray(a).dtype.kind == "f" else np.asarray(a) for a in inputs]
    rng = np.random.default_rng(seed)
    if isinstance(target, Module):
        return _check_module(target, inputs, eps, tol, min_scale, max_checks, rng)
    if callable(target):
        if grad_fn is None:
            raise TypeError("gradcheck(fn, inputs) needs grad_fn=..., a function returning the analytic "
                            "gradient of fn (one array per input); for a Module it comes from backward().")
        return _check_function(target, grad_fn, inputs, eps, tol, min_scale, max_checks, rng)
    raise TypeError(f"gradcheck expects a Module or a function, got {type(target).__name__}.")


def _compare(name, analytic, numerical, min_scale, checked) -> TensorCheck:
    errors = np.abs(analytic - numerical) / np.maximum(np.maximum(np.abs(analytic), np.abs(numerical)), min_scale)
    worst = np.unravel_index(int(np.argmax(errors)), errors.shape) if errors.size else ()
    return TensorCheck(name, tuple(analytic.shape), float(errors[worst]) if errors.size else 0.0,
                       tuple(int(i) for i in worst), float(analytic[worst]) if errors.size else 0.0,
                       float(numerical[worst]) if errors.size else 0.0, checked)


def _positions(shape, max_checks, rng) -> list[tuple]:
    every = list(np.ndindex(*shape))
    if max_checks is None or len(every) <= max_checks:
        return every
    chosen = rng.choice(len(every), size=max_checks, replace=False)
    return [every[i] for i in sorted(chosen)]


def _finish(target_name, checks, skipped, tol, eps) -> GradcheckResult:
    if not checks:
        raise ValueError(f"gradcheck found nothing to check in {target_name}: no float inputs and no parameters.")
    worst = max(checks, key=lambda c: c.max_error)
    return GradcheckResult(target_name, worst.max_error <= tol, worst.max_error, worst.name, worst.index,
                           worst.analytic, worst.numerical, tol, eps, checks, skipped)


def _check_module(module, inputs, eps, tol, min_scale, max_checks, rng) -> GradcheckResult:
    params = list(module.named_parameters())
    low = [name for name, p in params if p.dtype != np.float64]
    if low:
        raise TypeError(f"gradcheck needs float64 parameters, {module.describe()} has {low[0]} in "
                        f"{dict(params)[low[0]].dtype}. Hint: module.to(np.float64) first; float32 "
                        "rounding errors are larger than the differences being measured.")
    is_loss = isinstance(module, Loss)
    state = module.state_dict()
    saved_grads = {name: (None if p.grad is None else p.grad.copy()) for name, p in params}
    rng_state = nn_random.get_rng_state()
    own = [(g, g.bit_generator.state) for g in _generators(module)]

    def evaluate() -> list[np.ndarray]:
        nn_random.set_rng_state(rng_state)
        for generator, generator_state in own:
            generator.bit_generator.state = generator_state
        outputs = _as_list(module(*inputs))
        return [np.array(o, dtype=np.float64) for o in outputs]

    try:
        outputs = evaluate()
        weights = [rng.standard_normal(o.shape) for o in outputs]  # f = sum(r * output)
        for _, p in params:
            p.grad = None
        if is_loss:
            analytic_inputs = [module.backward() * weights[0]]
        else:
            analytic_inputs = _as_list(module.backward(*weights))
        checks, skipped = [], []
        tensors = []
        for i, array in enumerate(inputs):
            if is_loss and i > 0:
                continue
            if array.dtype.kind != "f":
                skipped.append(f"input {i} (integer values have no gradient)")
            elif i >= len(analytic_inputs) or analytic_inputs[i] is None:
                skipped.append(f"input {i} (backward returned no gradient for it)")
            else:
                tensors.append((f"input {i}", array, np.asarray(analytic_inputs[i], dtype=np.float64)))
        for name, p in params:
            if p.requires_grad:
                analytic = np.zeros(p.shape) if p.grad is None else p.grad.astype(np.float64)
                tensors.append((name, p.data, analytic))
        for name, array, analytic in tensors:
            if analytic.shape != array.shape:
                raise ValueError(f"gradcheck: the analytic gradient of {name} has shape {analytic.shape}, "
                                 f"but {name} has shape {array.shape}; backward must return one value per input value.")
            positions = _positions(array.shape, max_checks, rng)
            numerical = np.zeros(array.shape)
            for index in positions:
                original = array[index]
                array[index] = original + eps
                plus = evaluate()
                array[index] = original - eps
                minus = evaluate()
                array[index] = original
                numerical[index] = sum(float(np.sum(r * (a - b))) for r, a, b in zip(weights, plus, minus)) / (2 * eps)
            mask = np.zeros(array.shape, dtype=bool)
            for index in positions:
                mask[index] = True
            checks.append(_compare(name, np.where(mask, analytic, 0.0), numerical, min_scale, len(positions)))
    finally:
        module.load_state_dict(state)
        for name, p in params:
            p.grad = saved_grads[name]
        nn_random.set_rng_state(rng_state)
        for generator, generator_state in own:
            generator.bit_generator.state = generator_state
    return _finish(module.describe(), checks, skipped, tol, eps)


def _check_function(fn, grad_fn, inputs, eps, tol, min_scale, max_checks, rng) -> GradcheckResult:
    analytic = _as_list(grad_fn(*inputs))
    checks, skipped = [], []
    for i, array in enumerate(inputs):
        if array.dtype.kind != "f":
            skipped.append(f"input {i} (integer values have no gradient)")
            continue
        if i >= len(analytic) or analytic[i] is None:
            skipped.append(f"input {i} (grad_fn returned no gradient for it)")
            continue
        grad = np.asarray(analytic[i], dtype=np.float64)
        if grad.shape != array.shape:
            raise ValueError(f"gradcheck: grad_fn returned shape {grad.shape} for input {i} of shape {array.shape}.")
        positions = _positions(array.shape, max_checks, rng)
        numerical = np.zeros(array.shape)
        mask = np.zeros(array.shape, dtype=bool)
        for index in positions:
            original = array[index]
            array[index] = original + eps
            plus = float(fn(*inputs))
            array[index] = original - eps
            minus = float(fn(*inputs))
            array[index] = original
            numerical[index] = (plus - minus) / (2 * eps)
            mask[index] = True
        checks.append(_compare(f"input {i}", np.where(mask, grad, 0.0), numerical, min_scale, len(positions)))
    return _finish(getattr(fn, "__name__", "function"), checks, skipped, tol, eps)


def relative_error(a, b) -> float:
    """a, b arrays of the same shape (*) -> ||a - b|| / max(||a|| + ||b||, 1e-12), a float (0 when equal)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"relative_error expected two arrays of the same shape, got {a.shape} and {b.shape}.")
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12))
