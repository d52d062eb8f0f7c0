"""Browser tests: helpers on the import path, and a guard that the user's own Jupyter folders stay untouched."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import harness  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def user_jupyter_folders_untouched():
    """Fail the module if any of its tests wrote the user's JupyterLab workspaces or settings (~/.jupyter/lab)."""
    before = harness.snapshot_user_dirs()
    yield
    after = harness.snapshot_user_dirs()
    changed = sorted(set(before.items()) ^ set(after.items()))
    assert not changed, f"a browser test wrote to the user's Jupyter folders: {changed[:10]}"
