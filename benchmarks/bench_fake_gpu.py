"""The pretended GPU's cost (tests/fake_cuda.py, installed in every kernel of the browser run of
the lessons): 200 Adam steps of labkit's CNN1d on a batch of 32, one thread, plain CPU against
the pretended "cuda". Prints seconds for each and the ratio."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import fake_cuda  # noqa: E402
from labkit.models import CNN1d  # noqa: E402

STEPS = 200


def train(device: str) -> float:
    torch.manual_seed(0)
    model = CNN1d(n_classes=5).to(device)
    optimizer = torch.optim.Adam(model.parameters())
    x, y = torch.randn(32, 40).to(device), torch.randint(0, 5, (32,)).to(device)
    start = time.perf_counter()
    for _ in range(STEPS):
        optimizer.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()
    return time.perf_counter() - start


if __name__ == "__main__":
    torch.set_num_threads(1)
    plain = min(train("cpu") for _ in range(3))
    undo = fake_cuda.install()
    try:
        pretended = min(train("cuda") for _ in range(3))
    finally:
        undo()
    print(f"{STEPS} Adam steps of CNN1d (batch 32, 1 thread): CPU {plain:.2f} s, pretended GPU {pretended:.2f} s "
          f"({pretended / plain:.2f}x)")
