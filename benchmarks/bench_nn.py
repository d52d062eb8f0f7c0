"""labkit.nn against PyTorch (CPU) on the same architecture and data, measured in one run.

    .venv/bin/python benchmarks/bench_nn.py [--rounds 15] [--threads N]

Prints, for each workload, the time per step (median over rounds, with the
25th-75th percentile spread), the ratio labkit/torch, and labkit's achieved
GFLOP/s next to this machine's float32 matrix-multiply rate (NumPy, same run):

- MLP 64-256-256-10 on scikit-learn's digits, one training step (forward,
  cross-entropy, backward, SGD step) at batch 64 and 512;
- Conv2d(8 -> 16, 3x3, padding 1) forward + backward on a (64, 8, 28, 28) batch.

Both libraries run in float32 with the same number of threads. labkit and torch
alternate inside every round, so load from other processes hits both alike; the
spread shows how noisy the machine was. A script that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import time

import numpy as np
import torch
from sklearn.datasets import load_digits

import labkit.nn as nn

DTYPE = np.float32


def blas_threads() -> int:
    """Threads NumPy's BLAS uses (threadpoolctl if available; else the CPU count, capped at 2)."""
    try:
        from threadpoolctl import threadpool_info

        counts = [info["num_threads"] for info in threadpool_info() if info.get("user_api") == "blas"]
        if counts:
            return int(counts[0])
    except ImportError:
        pass
    return min(2, os.cpu_count() or 1)


def timed(fn, steps: int) -> float:
    start = time.perf_counter()
    for _ in range(steps):
        fn()
    return (time.perf_counter() - start) / steps


def compare(ours, theirs, steps: int, rounds: int) -> dict:
    """Median seconds per step of ``ours`` and ``theirs``, alternating which goes first each round."""
    for fn in (ours, theirs):  # warm up: allocator, BLAS threads, torch's dispatch caches
        timed(fn, max(2, steps // 2))
    t_ours, t_theirs = [], []
    for r in range(rounds):
        pair = [(ours, t_ours), (theirs, t_theirs)]
        for fn, sink in (pair if r % 2 == 0 else pair[::-1]):
            sink.append(timed(fn, steps))
    q = lambda values: np.percentile(values, [25, 50, 75])  # noqa: E731
    return {"ours": q(t_ours), "theirs": q(t_theirs)}


def matmul_gflops(rounds: int, n: int = 1024) -> float:
    a = np.random.default_rng(0).standard_normal((n, n)).astype(DTYPE)
    b = np.random.default_rng(1).standard_normal((n, n)).astype(DTYPE)
    a @ b
    times = [timed(lambda: a @ b, 3) for _ in range(rounds)]
    return 2 * n**3 / np.median(times) / 1e9


def mlp_workload(batch: int):
    x, y = load_digits(return_X_y=True)
    x = ((x - x.mean(axis=0)) / (x.std(axis=0) + 1e-8)).astype(DTYPE)
    rng = np.random.default_rng(0)
    batches = [rng.choice(len(x), size=batch, replace=batch > len(x)) for _ in range(16)]
    xb = [x[i] for i in batches]
    yb = [y[i].astype(np.int64) for i in batches]
    sizes = [64, 256, 256, 10]

    nn.manual_seed(0)
    layers = []
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(nn.Linear(fan_in, fan_out, dtype=DTYPE))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    model = nn.Sequential(*layers)
    loss_fn = nn.CrossEntropyLoss()
    opt = nn.SGD(model.parameters(), lr=0.01)

    t_layers = []
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        t_layers.append(torch.nn.Linear(fan_in, fan_out))
        if i < len(sizes) - 2:
            t_layers.append(torch.nn.ReLU())
    t_model = torch.nn.Sequential(*t_layers)
    with torch.no_grad():
        for p, q in zip(t_model.parameters(), model.parameters()):
            p.copy_(torch.from_numpy(q.data))
    t_loss = torch.nn.CrossEntropyLoss()
    t_opt = torch.optim.SGD(t_model.parameters(), lr=0.01)
    t_xb = [torch.from_numpy(a) for a in xb]
    t_yb = [torch.from_numpy(a) for a in yb]
    counter = {"ours": 0, "theirs": 0}

    def ours():
        k = counter["ours"] = (counter["ours"] + 1) % len(xb)
        opt.zero_grad()
        loss_fn(model(xb[k]), yb[k])
        model.backward(loss_fn.backward())
        opt.step()

    def theirs():
        k = counter["theirs"] = (counter["theirs"] + 1) % len(xb)
        t_opt.zero_grad()
        loss = t_loss(t_model(t_xb[k]), t_yb[k])
        loss.backward()
        t_opt.step()

    flops = 3 * 2 * batch * sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))  # forward + 2 backward matmuls
    return ours, theirs, flops


def conv_workload():
    n, c, o, h, w, k = 64, 8, 16, 28, 28, 3
    rng = np.random.default_rng(0)
    x = rng.standard_normal((n, c, h, w)).astype(DTYPE)
    g = rng.standard_normal((n, o, h, w)).astype(DTYPE)
    nn.manual_seed(0)
    conv = nn.Conv2d(c, o, k, padding=1, dtype=DTYPE)
    t_conv = torch.nn.Conv2d(c, o, k, padding=1)
    with torch.no_grad():
        t_conv.weight.copy_(torch.from_numpy(conv.weight.data))
        t_conv.bias.copy_(torch.from_numpy(conv.bias.data))
    t_x = torch.from_numpy(x).requires_grad_(True)  # labkit computes the input gradient, so torch must too
    t_g = torch.from_numpy(g)

    def ours():
        conv.zero_grad()
        conv(x)
        conv.backward(g)

    def theirs():
        t_conv.zero_grad()
        t_x.grad = None
        t_conv(t_x).backward(t_g)

    flops = 3 * 2 * n * o * h * w * c * k * k  # forward, weight gradient, input gradient
    return ours, theirs, flops


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15, help="timing rounds per workload (median reported)")
    parser.add_argument("--threads", type=int, default=None,
                        help="threads for both libraries (default: as many as NumPy's BLAS uses)")
    args = parser.parse_args()

    threads = blas_threads() if args.threads is None else args.threads
    if args.threads is not None:
        from threadpoolctl import threadpool_limits

        threadpool_limits(threads)
    torch.set_num_threads(threads)
    print(f"labkit.nn vs PyTorch {torch.__version__} (CPU), NumPy {np.__version__}, float32, "
          f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs")
    print(f"threads: NumPy BLAS {threads}, torch.set_num_threads({threads}) -> {torch.get_num_threads()}")
    peak_before = matmul_gflops(args.rounds)

    workloads = [("MLP 64-256-256-10 train step, batch 64", *mlp_workload(64), 20),
                 ("MLP 64-256-256-10 train step, batch 512", *mlp_workload(512), 5),
                 ("Conv2d 8->16 3x3 pad 1, fwd+bwd, (64, 8, 28, 28)", *conv_workload(), 2)]
    results = []
    for name, ours, theirs, flops, steps in workloads:
        results.append((name, compare(ours, theirs, steps, args.rounds), flops))
    peak_after = matmul_gflops(args.rounds)
    peak = max(peak_before, peak_after)

    print(f"NumPy float32 matmul (1024x1024): {peak_before:.1f} GFLOP/s before, {peak_after:.1f} after "
          f"(the larger, {peak:.1f}, is the reference)\n")
    header = f"{'workload':<50} {'labkit ms/step':>16} {'torch ms/step':>16} {'ratio':>6} {'labkit GFLOP/s':>15} {'% of matmul':>11}"
    print(header)
    print("-" * len(header))
    for name, r, flops in results:
        ours_q, theirs_q = r["ours"] * 1e3, r["theirs"] * 1e3
        spread = lambda q: f"{q[1]:.3f} ({q[0]:.2f}-{q[2]:.2f})"  # noqa: E731
        gflops = flops / r["ours"][1] / 1e9
        print(f"{name:<50} {spread(ours_q):>16} {spread(theirs_q):>16} {ours_q[1] / theirs_q[1]:>6.2f} "
              f"{gflops:>15.1f} {100 * gflops / peak:>10.0f}%")
    print(f"\nms/step: median (25th-75th percentile) over rounds; ratio = labkit / torch medians. "
          f"Load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs.")
    print("Goals: MLP step within 1.5x of torch, Conv2d within 3x.")


if __name__ == "__main__":
    main()
