"""Optimizers: use the gradients in ``.grad`` to update the parameters, as ``torch.optim``.

Each has ``step()`` (one update) and ``zero_grad()``; the learning rate is the
attribute ``lr`` (schedulers change it). The update rules, defaults and the order
of operations follow torch exactly, so a run can be replayed in PyTorch.
Parameters whose ``.grad`` is None (or that are frozen) are skipped, as in torch.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

from labkit.nn.module import Module
from labkit.nn.parameter import Parameter


class Optimizer:
    """Base class: holds the parameters and one state dict per parameter."""

    def __init__(self, params: Iterable[Parameter], lr: float):
        if isinstance(params, Module):
            raise TypeError(f"{type(self).__name__} expects the parameters, not the model. "
                            f"Hint: {type(self).__name__}(model.parameters(), lr={lr}).")
        self.params = list(params)
        if not self.params:
            raise ValueError(f"{type(self).__name__} got an empty parameter list.")
        for p in self.params:
            if not isinstance(p, Parameter):
                raise TypeError(f"{type(self).__name__} expects labkit.nn Parameters, got {type(p).__name__}.")
        if not lr >= 0:
            raise ValueError(f"{type(self).__name__}: invalid learning rate {lr!r} (must be >= 0).")
        self.lr = float(lr)
        self.state: list[dict] = [{} for _ in self.params]

    def zero_grad(self) -> None:
        """Set every parameter's ``.grad`` to None, as torch does by default."""
        for p in self.params:
            p.grad = None

    def _with_grads(self):
        for p, state in zip(self.params, self.state):
            if p.grad is not None and p.requires_grad:
                yield p, p.grad, state

    def step(self) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        settings = ", ".join(f"{k}={v}" for k, v in vars(self).items() if k not in ("params", "state"))
        return f"{type(self).__name__}({settings})"


def _check_nonnegative(name: str, value: float, owner: str) -> float:
    if not value >= 0:
        raise ValueError(f"{owner}: {name} must be >= 0, got {value!r}.")
    return float(value)


class SGD(Optimizer):
    """Stochastic gradient descent, optionally with momentum and weight decay.

    g = grad + weight_decay * w
    with momentum mu: b = g (first step), then b = mu * b + (1 - dampening) * g;
                      g = g + mu * b if nesterov else b
    w = w - lr * g
    """

    def __init__(self, params, lr: float = 1e-3, momentum: float = 0.0, dampening: float = 0.0,
                 weight_decay: float = 0.0, nesterov: bool = False):
        super().__init__(params, lr)
        self.momentum = _check_nonnegative("momentum", momentum, "SGD")
        self.dampening = float(dampening)
        self.weight_decay = _check_nonnegative("weight_decay", weight_decay, "SGD")
        self.nesterov = bool(nesterov)
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("SGD: Nesterov momentum requires momentum > 0 and dampening = 0.")

    def step(self) -> None:
        for p, grad, state in self._with_grads():
            if self.weight_decay:
                grad = grad + self.weight_decay * p.data
            if self.momentum:
                buf = state.get("momentum_buffer")
                if buf is None:
                    buf = state["momentum_buffer"] = grad.copy()
                else:
                    buf *= self.momentum
                    buf += (1.0 - self.dampening) * grad
                grad = grad + self.momentum * buf if self.nesterov else buf
            p.data -= self.lr * grad


class Adam(Optimizer):
    """Adam: momentum on the gradient (m) and a per-weight step size from its square (v).

    t += 1;  g = grad + weight_decay * w
    m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2   (v_max = max(v_max, v) with amsgrad)
    w = w - lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
    """

    _decoupled = False

    def __init__(self, params, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 0.0, amsgrad: bool = False):
        super().__init__(params, lr)
        name = type(self).__name__
        if not (0.0 <= betas[0] < 1.0 and 0.0 <= betas[1] < 1.0):
            raise ValueError(f"{name}: betas must be in [0, 1), got {betas!r}.")
        self.betas = (float(betas[0]), float(betas[1]))
        self.eps = _check_nonnegative("eps", eps, name)
        self.weight_decay = _check_nonnegative("weight_decay", weight_decay, name)
        self.amsgrad = bool(amsgrad)

    def step(self) -> None:
        beta1, beta2 = self.betas
        for p, grad, state in self._with_grads():
            if not state:
                state.update(step=0, exp_avg=np.zeros_like(p.data), exp_avg_sq=np.zeros_like(p.data))
                if self.amsgrad:
                    state["max_exp_avg_sq"] = np.zeros_like(p.data)
            state["step"] += 1
            t = state["step"]
            if self.weight_decay:
                if self._decoupled:  # AdamW: shrink the weights directly
                    p.data *= 1.0 - self.lr * self.weight_decay
                else:
                    grad = grad + self.weight_decay * p.data
            m, v = state["exp_avg"], state["exp_avg_sq"]
            m += (1.0 - beta1) * (grad - m)  # = beta1 m + (1 - beta1) g, as torch's lerp
            v *= beta2
            v += (1.0 - beta2) * grad * grad
            if self.amsgrad:
                np.maximum(state["max_exp_avg_sq"], v, out=state["max_exp_avg_sq"])
                v = state["max_exp_avg_sq"]
            step_size = self.lr / (1.0 - beta1**t)
            denom = np.sqrt(v) / (1.0 - beta2**t) ** 0.5 + self.eps
            p.data -= step_size * (m / denom)


class AdamW(Adam):
    """Adam with decoupled weight decay: w = w * (1 - lr * weight_decay) before the Adam step.

    Defaults as torch: lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2.
    """

    _decoupled = True

    def __init__(self, params, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 1e-2, amsgrad: bool = False):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad)


class RMSprop(Optimizer):
    """RMSprop: divide each step by a running root-mean-square of the gradient.

    g = grad + weight_decay * w;  s = alpha s + (1 - alpha) g^2
    centered: a = alpha a + (1 - alpha) g, denominator sqrt(s - a^2) + eps, else sqrt(s) + eps
    with momentum: b = momentum * b + g / denominator; w = w - lr * b, else w = w - lr * g / denominator.
    Defaults as torch: lr=1e-2, alpha=0.99, eps=1e-8.
    """

    def __init__(self, params, lr: float = 1e-2, alpha: float = 0.99, eps: float = 1e-8, weight_decay: float = 0.0,
                 momentum: float = 0.0, centered: bool = False):
        super().__init__(params, lr)
        self.alpha = _check_nonnegative("alpha", alpha, "RMSprop")
        self.eps = _check_nonnegative("eps", eps, "RMSprop")
        self.weight_decay = _check_nonnegative("weight_decay", weight_decay, "RMSprop")
        self.momentum = _check_nonnegative("momentum", momentum, "RMSprop")
        self.centered = bool(centered)

    def step(self) -> None:
        for p, grad, state in self._with_grads():
            if not state:
                state.update(step=0, square_avg=np.zeros_like(p.data))
                if self.momentum > 0:
                    state["momentum_buffer"] = np.zeros_like(p.data)
                if self.centered:
                    state["grad_avg"] = np.zeros_like(p.data)
            state["step"] += 1
            if self.weight_decay:
                grad = grad + self.weight_decay * p.data
            square_avg = state["square_avg"]
            square_avg *= self.alpha
            square_avg += (1.0 - self.alpha) * grad * grad
            if self.centered:
                grad_avg = state["grad_avg"]
                grad_avg += (1.0 - self.alpha) * (grad - grad_avg)
                avg = np.sqrt(square_avg - grad_avg * grad_avg) + self.eps
            else:
                avg = np.sqrt(square_avg) + self.eps
            if self.momentum > 0:
                buf = state["momentum_buffer"]
                buf *= self.momentum
                buf += grad / avg
                p.data -= self.lr * buf
            else:
                p.data -= self.lr * (grad / avg)


# One step on plain arrays, with the state passed in and handed back (lesson 06 draws with these until
# the learner's own steps pass). Each runs the optimizer above on a copy, so the rule is written once.

def _one_step(optimizer_class, params, grad, state: dict, **settings) -> tuple[np.ndarray, dict]:
    p = Parameter(np.array(params, dtype=np.float64), dtype=np.float64)
    p.grad = np.array(grad, dtype=np.float64).reshape(p.shape)
    optimizer = optimizer_class([p], **settings)
    optimizer.state[0].update({k: np.array(v, dtype=np.float64) if isinstance(v, np.ndarray) else v
                               for k, v in state.items()})
    optimizer.step()
    return p.data, optimizer.state[0]


def sgd_step(params, grad, lr: float) -> np.ndarray:
    """params (*), grad (*) -> params - lr * grad (*), as one torch.optim.SGD step."""
    return _one_step(SGD, params, grad, {}, lr=lr)[0]


def momentum_step(params, grad, velocity, lr: float, momentum: float = 0.9) -> tuple[np.ndarray, np.ndarray]:
    """params, grad, velocity (*) -> (new params, new velocity), both (*), as torch.optim.SGD(momentum=...).

    velocity = momentum * velocity + grad;  params = params - lr * velocity (start from velocity 0).
    """
    buffer = np.array(velocity, dtype=np.float64)
    new, state = _one_step(SGD, params, grad, {"momentum_buffer": buffer}, lr=lr, momentum=momentum)
    return new, state["momentum_buffer"]


def adam_step(params, grad, m, v, t: int, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999),
              eps: float = 1e-8) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """params, grad, m, v (*), t steps so far -> (new params, new m, new v, t + 1), as torch.optim.Adam."""
    state = {"step": int(t), "exp_avg": np.array(m, dtype=np.float64), "exp_avg_sq": np.array(v, dtype=np.float64)}
    new, state = _one_step(Adam, params, grad, state, lr=lr, betas=betas, eps=eps)
    return new, state["exp_avg"], state["exp_avg_sq"], state["step"]
