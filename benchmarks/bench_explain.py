"""labkit.explain and labkit.ethics.privacy against Captum and Opacus, in one run.

    .venv/bin/python benchmarks/bench_explain.py [--rounds 5] [--threads 1]

Prints, for each workload, one cold run and the median over rounds (with the
25th-75th percentile spread) of labkit and the reference, and the ratio labkit/reference:

- integrated gradients, 50 steps, Gauss-Legendre, CNN on a (8, 1, 28, 28) batch;
- occlusion with a (1, 4, 4) window and stride (1, 2, 2), same CNN, (4, 1, 28, 28) batch;
  Captum evaluates one window per forward pass by default, labkit 32; both settings are shown;
- one training step of an MLP 784-256-10 at batch 64: plain SGD, labkit's DPSGD
  (torch.func per-sample gradients) and Opacus (GradSampleModule + DPOptimizer).

labkit and the reference alternate inside every round, so load from other processes
hits both alike. A script that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings

import numpy as np
import torch
from captum.attr import IntegratedGradients, Occlusion
from opacus import GradSampleModule
from opacus.optimizers import DPOptimizer

from labkit.ethics.privacy import DPSGD
from labkit.explain import integrated_gradients, occlusion


def cnn() -> torch.nn.Module:
    torch.manual_seed(0)
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 16, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(16, 32, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(32 * 7 * 7, 10),
    ).eval()


def once(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def compare(named: dict, rounds: int) -> dict:
    """Cold time and per-round times of each function, alternating their order every round."""
    cold = {name: once(fn) for name, fn in named.items()}
    times = {name: [] for name in named}
    for r in range(rounds):
        order = list(named) if r % 2 == 0 else list(reversed(named))
        for name in order:
            times[name].append(once(named[name]))
    return {name: (cold[name], times[name]) for name in named}


def report(title: str, results: dict, reference: str) -> None:
    print(f"\n{title}")
    ref_median = statistics.median(results[reference][1])
    for name, (cold, times) in results.items():
        q25, q75 = np.percentile(times, [25, 75])
        median = statistics.median(times)
        ratio = "" if name == reference else f"   ratio {median / ref_median:5.2f}x vs {reference}"
        print(f"  {name:34s} cold {cold * 1e3:8.1f} ms   median {median * 1e3:8.1f} ms "
              f"[{q25 * 1e3:.1f}-{q75 * 1e3:.1f}]{ratio}")


def bench_attributions(rounds: int) -> None:
    model = cnn()
    x = torch.randn(8, 1, 28, 28, generator=torch.Generator().manual_seed(1))
    target = torch.arange(8) % 10
    captum_ig = IntegratedGradients(model)
    results = compare({
        "captum IntegratedGradients": lambda: captum_ig.attribute(x, target=target, n_steps=50),
        "labkit integrated_gradients": lambda: integrated_gradients(model, x, target=target, steps=50),
    }, rounds)
    report("integrated gradients, 50 steps, CNN, x (8, 1, 28, 28)", results, "captum IntegratedGradients")

    x = x[:4]
    target = target[:4]
    captum_occlusion = Occlusion(model)
    window, stride = (1, 4, 4), (1, 2, 2)
    results = compare({
        "captum Occlusion (1 window/pass)": lambda: captum_occlusion.attribute(
            x, target=target, sliding_window_shapes=window, strides=stride),
        "captum Occlusion (32 windows/pass)": lambda: captum_occlusion.attribute(
            x, target=target, sliding_window_shapes=window, strides=stride, perturbations_per_eval=32),
        "labkit occlusion (1 window/pass)": lambda: occlusion(model, x, target, window, stride, windows_per_batch=1),
        "labkit occlusion (32 windows/pass)": lambda: occlusion(model, x, target, window, stride),
    }, rounds)
    report("occlusion, window (1, 4, 4), stride (1, 2, 2), 169 positions, x (4, 1, 28, 28)", results,
           "captum Occlusion (1 window/pass)")


def bench_dpsgd(rounds: int) -> None:
    def mlp() -> torch.nn.Module:
        torch.manual_seed(0)
        return torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))

    generator = torch.Generator().manual_seed(2)
    x, y = torch.randn(64, 784, generator=generator), torch.randint(0, 10, (64,), generator=generator)
    loss_fn = torch.nn.CrossEntropyLoss()

    plain = mlp()
    sgd = torch.optim.SGD(plain.parameters(), lr=0.05)

    def plain_step():
        sgd.zero_grad()
        loss_fn(plain(x), y).backward()
        sgd.step()

    ours = DPSGD(mlp(), lr=0.05, noise_multiplier=1.0, max_grad_norm=1.0, expected_batch_size=64, seed=0)

    def labkit_step():
        ours.zero_grad()
        ours.backward(loss_fn, x, y)
        ours.step()

    opacus_model = GradSampleModule(mlp())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        opacus_optimizer = DPOptimizer(torch.optim.SGD(opacus_model.parameters(), lr=0.05), noise_multiplier=1.0,
                                       max_grad_norm=1.0, expected_batch_size=64)

    def opacus_step():
        opacus_optimizer.zero_grad()
        loss_fn(opacus_model(x), y).backward()
        opacus_optimizer.step()

    results = compare({"plain SGD step": plain_step, "opacus DP step": opacus_step, "labkit DPSGD step": labkit_step},
                      rounds * 3)
    report("one training step, MLP 784-256-10, batch 64", results, "opacus DP step")
    plain_median = statistics.median(results["plain SGD step"][1])
    print(f"  labkit DPSGD / plain SGD: {statistics.median(results['labkit DPSGD step'][1]) / plain_median:.2f}x, "
          f"opacus / plain SGD: {statistics.median(results['opacus DP step'][1]) / plain_median:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1 suits a shared machine)")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", message="Full backward hook")  # torch, from Opacus's hooks
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread(s), {args.rounds} rounds")
    bench_attributions(args.rounds)
    bench_dpsgd(args.rounds)


if __name__ == "__main__":
    main()
