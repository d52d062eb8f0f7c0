"""One call that makes a run repeatable: Python's, NumPy's and PyTorch's generators."""

from __future__ import annotations

import os
import random

import numpy as np


def seed_everything(seed: int) -> np.random.Generator:
    """Seed ``random``, NumPy's global generator, labkit.nn's generator and PyTorch (CPU and CUDA).

    Returns a fresh ``numpy.random.Generator`` seeded with ``seed`` for code that
    prefers an explicit generator.
    """
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed_everything(seed=...) expected a non-negative integer, got {seed!r}.")
    seed = int(seed)
    random.seed(seed)
    np.random.seed(seed % 2**32)
    from labkit.nn.random import manual_seed  # labkit.nn's own generator (init, Dropout)

    manual_seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    try:
        import torch
    except ImportError:  # labkit.nn works without torch
        return np.random.default_rng(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)
    return np.random.default_rng(seed)


def default_device() -> str:
    """The device labkit trains on when none is given: the ``LABKIT_DEVICE`` setting, else
    ``"cuda"`` when a GPU is usable, else ``"cpu"``.

    ``LABKIT_DEVICE=cpu`` (an environment variable, read at every call) keeps a GPU machine on
    the CPU, e.g. to compare timings; ``LABKIT_DEVICE=cuda`` asks for the GPU and fails loudly
    in ``fit`` when there is none.
    """
    setting = os.environ.get("LABKIT_DEVICE", "").strip()
    if setting:
        return setting
    try:
        import torch
    except ImportError:
        return "cpu"
    return "cuda" if torch.cuda.is_available() else "cpu"
