"""The grading tests import their shared helpers (grading_helpers.py) from this folder."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
