"""DP-SGD (Abadi et al., 2016): stochastic gradient descent with differential privacy.

Plain SGD averages the batch's gradients, and one unusual example can move the model a
lot, so the model may memorize it. DP-SGD bounds and hides each example's influence:

1. compute every example's own gradient g_i (per-sample gradients, here with torch.func:
   ``grad`` of the loss of one example, ``vmap``-ed over the batch);
2. clip it to norm at most C = max_grad_norm:  g_i * min(1, C / ||g_i||);
3. add Gaussian noise N(0, (noise_multiplier * C)^2) to the sum of clipped gradients;
4. divide by the expected batch size and take an ordinary SGD step.

The privacy this buys is counted by ``labkit.ethics.privacy.accountant``, which assumes
each batch is a Poisson sample (every example in with probability q, independently), so
``fit_dpsgd`` draws its batches with ``PoissonSampler``: shuffling into fixed batches is
another mechanism, and the accountant's epsilon would not be a guarantee for it. The sum
is divided by the *expected* batch size q N, never the batch's actual size (that size
depends on who is in the batch, so dividing by it would leak). The steps mirror
``opacus.optimizers.DPOptimizer`` (with ``loss_reduction="mean"``) behind Opacus's
``DPDataLoader``.
"""

from __future__ import annotations

from typing import Callable, Optional

import torch
from torch.func import functional_call, grad_and_value, vmap

from labkit.ethics.privacy.accountant import compute_epsilon
from labkit.ethics.privacy.sampling import PoissonSampler


def per_sample_gradients(
    model: torch.nn.Module,
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    y: torch.Tensor,
) -> tuple[dict[str, torch.Tensor], torch.Tensor]:
    """The gradient of each example's loss with respect to each trainable parameter.

    Args:
        model: a torch module without batch statistics (no BatchNorm).
        loss_fn: ``loss_fn(output, target)`` for a batch, e.g. torch.nn.CrossEntropyLoss(); it is
            called on batches of one example.
        x: inputs (B, ...); y: targets (B, ...).

    Returns:
        (gradients, losses): gradients[name] has shape (B, *parameter.shape); losses (B,).
    """
    params = {name: p.detach() for name, p in model.named_parameters() if p.requires_grad}
    buffers = {name: b.detach() for name, b in model.named_buffers()}

    def loss_of_one(params, x_one, y_one):
        output = functional_call(model, (params, buffers), (x_one.unsqueeze(0),))  # a batch of one
        return loss_fn(output, y_one.unsqueeze(0))

    gradients, losses = vmap(grad_and_value(loss_of_one), in_dims=(None, 0, 0), randomness="different")(params, x, y)
    return gradients, losses


def clip_factors(
    gradients: dict[str, torch.Tensor], max_grad_norm: float
) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-example scale factors min(1, C / (norm + 1e-6)) (as Opacus) and the norms, both (B,).

    Args:
        gradients: name -> (B, *parameter.shape) per-sample gradients; the norm of example i is
            taken over all parameters together.
        max_grad_norm: the clipping norm C.
    """
    per_parameter = [torch.linalg.vector_norm(g.flatten(1), dim=1) for g in gradients.values()]  # (B,)
    norms = torch.linalg.vector_norm(torch.stack(per_parameter, dim=1), dim=1)  # (B,) over all parameters
    return (max_grad_norm / (norms + 1e-6)).clamp(max=1.0), norms


def clip_per_sample(
    gradients: dict[str, torch.Tensor], max_grad_norm: float
) -> tuple[dict[str, torch.Tensor], torch.Tensor]:
    """Scale each example's gradient (all parameters together) to norm at most ``max_grad_norm``.

    Args:
        gradients: name -> (B, *parameter.shape) per-sample gradients.
        max_grad_norm: the clipping norm C.

    Returns:
        (clipped, norms): clipped like ``gradients``; norms (B,) before clipping. The factor is
        min(1, C / (norm + 1e-6)), so a clipped norm is always below C.
    """
    factor, norms = clip_factors(gradients, max_grad_norm)
    clipped = {name: g * factor.view(-1, *(1,) * (g.dim() - 1)) for name, g in gradients.items()}
    return clipped, norms


class DPSGD:
    """Differentially private SGD for a torch model.

    Args:
        model: the torch module to train (no BatchNorm: it mixes examples; use GroupNorm or LayerNorm).
        lr: learning rate.
        noise_multiplier: noise standard deviation in units of max_grad_norm (sigma).
        max_grad_norm: per-example clipping norm C.
        expected_batch_size: q N, the batch size the noisy sum is divided by (with Poisson
            sampling, which the accountant assumes, the actual size varies and may be 0).
        seed: seeds the noise generator (None: nondeterministic).

    Use it like SGD, with ``backward`` computing per-sample gradients::

        optimizer.zero_grad()
        loss = optimizer.backward(loss_fn, x, y)   # instead of loss_fn(model(x), y).backward()
        optimizer.step()

    After ``step``: ``p.grad`` holds the noisy averaged gradient, ``grad_norms_`` (B,) the
    per-sample norms before clipping, ``steps_`` the number of steps taken.
    """

    def __init__(self, model: torch.nn.Module, lr: float, noise_multiplier: float, max_grad_norm: float,
                 expected_batch_size: int, seed: Optional[int] = None):
        if any(isinstance(m, torch.nn.modules.batchnorm._BatchNorm) for m in model.modules()):
            raise ValueError("DP-SGD cannot train a model with BatchNorm: batch statistics mix examples, so one "
                             "example's influence is not bounded. Hint: use torch.nn.GroupNorm or LayerNorm.")
        if not lr > 0 or not noise_multiplier >= 0 or not max_grad_norm > 0:
            raise ValueError(f"expected lr > 0, noise_multiplier >= 0, max_grad_norm > 0; got "
                             f"{lr!r}, {noise_multiplier!r}, {max_grad_norm!r}.")
        if not isinstance(expected_batch_size, int) or expected_batch_size < 1:
            raise ValueError(f"expected_batch_size should be a positive integer, got {expected_batch_size!r}.")
        self.model = model
        self.lr = lr
        self.noise_multiplier = noise_multiplier
        self.max_grad_norm = max_grad_norm
        self.expected_batch_size = expected_batch_size
        self.seed = seed
        self.params = {name: p for name, p in model.named_parameters() if p.requires_grad}
        self._generator = None
        self.steps_ = 0

    def zero_grad(self) -> None:
        for p in self.params.values():
            p.grad = None
            p.grad_sample = None

    def backward(self, loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
                 x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        """Per-sample gradients of the batch x (B, ...), y (B, ...) into ``p.grad_sample`` (B, *p.shape).
        Returns the mean loss (detached), like the value one would call ``backward`` on. An empty
        batch (possible with Poisson sampling) gives no gradients; ``step`` then adds the noise alone."""
        if len(x) == 0:
            for p in self.params.values():
                p.grad_sample = torch.zeros((0, *p.shape), dtype=p.dtype, device=p.device)
            return torch.zeros((), dtype=next(iter(self.params.values())).dtype)
        gradients, losses = per_sample_gradients(self.model, loss_fn, x, y)
        for name, p in self.params.items():
            p.grad_sample = gradients[name]
        return losses.mean()

    @torch.no_grad()
    def step(self) -> None:
        """Clip each example's gradient, add noise to their sum, average, and update the parameters."""
        if any(getattr(p, "grad_sample", None) is None for p in self.params.values()):
            raise RuntimeError("DPSGD.step() needs per-sample gradients: call optimizer.backward(loss_fn, x, y) "
                               "first (a plain loss.backward() does not keep each example's gradient).")
        if self._generator is None:
            device = next(iter(self.params.values())).device
            self._generator = torch.Generator(device=device)
            if self.seed is None:
                self._generator.seed()
            else:
                self._generator.manual_seed(self.seed)
        factor, self.grad_norms_ = clip_factors({n: p.grad_sample for n, p in self.params.items()},
                                                self.max_grad_norm)  # (B,) each
        std = self.noise_multiplier * self.max_grad_norm
        for p in self.params.values():
            summed = torch.einsum("b,b...->...", factor, p.grad_sample)  # sum_i factor_i g_i, (*p.shape)
            noise = std * torch.randn(summed.shape, generator=self._generator, dtype=summed.dtype, device=summed.device)
            p.grad = (summed + noise) / self.expected_batch_size
            p.add_(p.grad, alpha=-self.lr)
            p.grad_sample = None
        self.steps_ += 1

    def epsilon(self, delta: float, dataset_size: int) -> float:
        """Privacy spent so far, at ``delta``, if batches were sampled from ``dataset_size`` examples
        with rate expected_batch_size / dataset_size (Poisson sampling, as the accountant assumes)."""
        if not isinstance(dataset_size, int) or dataset_size < self.expected_batch_size:
            raise ValueError(f"dataset_size should be an integer >= expected_batch_size "
                             f"({self.expected_batch_size}), got {dataset_size!r}.")
        sample_rate = self.expected_batch_size / dataset_size
        return compute_epsilon(self.noise_multiplier, sample_rate, self.steps_, delta)


def fit_dpsgd(model: torch.nn.Module, loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
              x: torch.Tensor, y: torch.Tensor, *, expected_batch_size: int, steps: int, lr: float,
              noise_multiplier: float, max_grad_norm: float, seed: int = 0) -> DPSGD:
    """Train ``model`` in place with DP-SGD on Poisson-sampled batches, as the accountant assumes.

    Each of the ``steps`` batches holds every example of x (N, ...), y (N, ...) independently with
    probability q = expected_batch_size / N (``PoissonSampler``, seeded by ``seed``; the noise too).
    Returns the optimizer: ``optimizer.epsilon(delta, N)`` is the privacy spent, ``batch_sizes_``
    the sizes drawn.
    """
    if not isinstance(steps, int) or steps < 0:
        raise ValueError(f"steps should be a non-negative integer, got {steps!r}.")
    optimizer = DPSGD(model, lr, noise_multiplier, max_grad_norm, expected_batch_size, seed=seed)
    device = next(iter(optimizer.params.values())).device
    sampler = PoissonSampler(len(x), expected_batch_size / len(x), steps, torch.Generator().manual_seed(seed))
    optimizer.batch_sizes_ = []
    for idx in sampler:
        idx = idx.to(x.device)
        optimizer.zero_grad()
        optimizer.backward(loss_fn, x[idx].to(device), y[idx].to(device))
        optimizer.step()
        optimizer.batch_sizes_.append(len(idx))
    return optimizer
