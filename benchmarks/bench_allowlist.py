"""What the exercise guard costs: one call of a learner's function with and without own_work.

    .venv/bin/python benchmarks/bench_allowlist.py

Prints microseconds per call for a NumPy answer (sigmoid on 1,000 values) and a torch answer
(tensor primitives), bare and under own_work; the cost of building an allow-list; and the
diagnosis lookup after a failed check (fingerprint + table lookup).
"""

from __future__ import annotations

import time

import numpy as np
import torch

from labkit.checks import TORCH_TENSOR_MATH, own_work
from labkit.exercises import diagnosis


def per_call(fn, *args, repeat: int = 300) -> float:
    fn(*args)
    start = time.perf_counter()
    for _ in range(repeat):
        fn(*args)
    return (time.perf_counter() - start) / repeat * 1e6


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def tensor_sigmoid(x):
    return 1 / (1 + torch.exp(-x)) + 0 * x.sum()


def main() -> None:
    z, x = np.linspace(-3, 3, 1000), torch.linspace(-3, 3, 1000)
    rows = [("NumPy answer", per_call(sigmoid, z), per_call(own_work(sigmoid, asks_for="x"), z)),
            ("torch answer", per_call(tensor_sigmoid, x),
             per_call(own_work(tensor_sigmoid, asks_for="x", allow=TORCH_TENSOR_MATH), x))]
    print(f"{'call':14s} {'bare µs':>9s} {'own_work µs':>12s} {'added µs':>9s}")
    for name, bare, watched in rows:
        print(f"{name:14s} {bare:9.1f} {watched:12.1f} {watched - bare:9.1f}")
    start = time.perf_counter()
    own_work(tensor_sigmoid, asks_for="x", allow=[*TORCH_TENSOR_MATH, "torch.nn", "torch.optim"])
    print(f"building an allow-list (tensor math + torch.nn + torch.optim): {(time.perf_counter() - start) * 1e3:.1f} ms")
    diagnosis.reset()
    for i in range(12):
        diagnosis.record("close", np.arange(200.0) * i)
    start = time.perf_counter()
    for _ in range(200):
        diagnosis.lookup("10_convolutional_networks", diagnosis.fingerprint())
    print(f"diagnosis after a failed check (fingerprint of 12 checked values + lookup): "
          f"{(time.perf_counter() - start) / 200 * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
