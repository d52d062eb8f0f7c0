"""Shared helpers importable (pytest runs with --import-mode=importlib).

One thread per worker is set suite-wide in tests/conftest.py.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
