"""A small on-disk cache for generated arrays: ``datasets/cache/<name>_<hash>.npz``.

The folder is ``$LABKIT_CACHE_DIR`` when set, else ``datasets/cache`` next to the
``labkit`` package (git-ignored), else ``~/.cache/labkit`` when that is read-only.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[2]
DATASETS_DIR = REPO_ROOT / "datasets"


def cache_dir() -> Path:
    """The folder where generated arrays are kept (created if missing)."""
    env = os.environ.get("LABKIT_CACHE_DIR")
    candidates = [Path(env)] if env else [DATASETS_DIR / "cache", Path.home() / ".cache" / "labkit"]
    for folder in candidates:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    raise OSError(f"no writable cache folder among {[str(c) for c in candidates]}; set LABKIT_CACHE_DIR.")


def cache_path(name: str, params: dict) -> Path:
    """``<cache_dir>/<name>_<12 hex digits of the parameters' hash>.npz``."""
    text = json.dumps(params, sort_keys=True, default=str)
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    return cache_dir() / f"{name}_{digest}.npz"


def cached_arrays(name: str, params: dict, make: Callable[[], dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """Load the arrays for ``params`` from the cache, or ``make()`` them and save them.

    The file is written to a temporary name and renamed, so parallel runs never
    read half a file. A corrupt file is regenerated.
    """
    path = cache_path(name, params)
    if path.exists():
        try:
            with np.load(path, allow_pickle=False) as data:
                return {key: data[key] for key in data.files}
        except (OSError, ValueError, EOFError):
            pass  # unreadable: make it again below
    arrays = make()
    fd, tmp = tempfile.mkstemp(suffix=".npz", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            np.savez(handle, **arrays)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
    return arrays
