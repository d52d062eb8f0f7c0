"""Shared helpers importable (pytest runs with --import-mode=importlib); one torch thread per test.

The tiny models here run 10-50x slower with two threads on a busy 2-core machine
(the threads wait for each other), so each test runs single-threaded and then
restores the previous setting.
"""

import sys
from pathlib import Path

import pytest
import torch

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(autouse=True)
def single_torch_thread():
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)
