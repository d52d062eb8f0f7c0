"""Learning-rate schedules that change ``optimizer.lr`` as training goes, as ``torch.optim.lr_scheduler``.

Create the scheduler after the optimizer and call ``scheduler.step()`` once per
epoch, after ``optimizer.step()``. The formulas are torch's recursive ones, so
the learning rates agree with PyTorch's to the last digit.
"""

from __future__ import annotations

import math

from labkit.nn.optim import Optimizer


class LRScheduler:
    """Base class: ``step()`` advances ``last_epoch`` and sets ``optimizer.lr = get_lr()``."""

    def __init__(self, optimizer: Optimizer):
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"{type(self).__name__} expects a labkit.nn optimizer, got {type(optimizer).__name__}.")
        self.optimizer = optimizer
        self.base_lr = optimizer.lr
        self.last_epoch = -1
        self._initial = True
        self.step()  # epoch 0: the learning rate the optimizer started with
        self._initial = False

    def get_lr(self) -> float:
        raise NotImplementedError

    def step(self) -> None:
        self.last_epoch += 1
        self.optimizer.lr = float(self.get_lr())
        self._last_lr = [self.optimizer.lr]

    def get_last_lr(self) -> list[float]:
        """[the learning rate set by the last step], a list as torch (one entry per parameter group)."""
        return list(self._last_lr)


class StepLR(LRScheduler):
    """Multiply the learning rate by ``gamma`` every ``step_size`` epochs: lr_0 * gamma^(epoch // step_size)."""

    def __init__(self, optimizer: Optimizer, step_size: int, gamma: float = 0.1):
        if int(step_size) < 1:
            raise ValueError(f"StepLR: step_size must be >= 1, got {step_size!r}.")
        self.step_size = int(step_size)
        self.gamma = float(gamma)
        super().__init__(optimizer)

    def get_lr(self) -> float:
        if self.last_epoch == 0 or self.last_epoch % self.step_size != 0:
            return self.optimizer.lr
        return self.optimizer.lr * self.gamma


class CosineAnnealingLR(LRScheduler):
    """Follow half a cosine from the initial lr down to ``eta_min`` over ``T_max`` epochs.

    lr_t = eta_min + (lr_0 - eta_min) (1 + cos(pi t / T_max)) / 2; after T_max it rises
    again (the cosine continues), as in torch. Computed with torch's recursive formula.
    """

    def __init__(self, optimizer: Optimizer, T_max: int, eta_min: float = 0.0):
        if int(T_max) < 1:
            raise ValueError(f"CosineAnnealingLR: T_max must be >= 1, got {T_max!r}.")
        self.T_max = int(T_max)
        self.eta_min = float(eta_min)
        super().__init__(optimizer)

    def get_lr(self) -> float:
        lr, t, t_max, eta_min = self.optimizer.lr, self.last_epoch, self.T_max, self.eta_min
        if self._initial:
            return lr
        if (t - 1 - t_max) % (2 * t_max) == 0:
            return lr + (self.base_lr - eta_min) * (1 - math.cos(math.pi / t_max)) / 2
        ratio = (1 + math.cos(math.pi * t / t_max)) / (1 + math.cos(math.pi * (t - 1) / t_max))
        return ratio * (lr - eta_min) + eta_min
