"""One torch thread per test: tiny models run 10-50x slower with two threads on a busy
2-core machine (the threads wait for each other). The previous setting is restored after."""

import pytest
import torch


@pytest.fixture(autouse=True)
def single_torch_thread():
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)
