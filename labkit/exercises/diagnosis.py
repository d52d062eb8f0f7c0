"""Known mistakes, recognised by what an answer does.

Every exercise has recorded wrong answers (``grading/wrong_answers/<lesson>/<exercise>/*.py``),
each a realistic mistake with a name, one sentence on why it is wrong and a hint. When a check
fails, the values the learner's answer produced in that check cell (everything the ``check_*``
helpers were given, up to the failing one) are reduced to a *behaviour fingerprint*; if a
recorded mistake produced the same values on the same checks, the learner is told which
mistake theirs behaves like:

    ✘ conv2d(x (2, 3, 7, 6), ...) returned ..., expected ...
    This behaves like a common mistake: Kernel flipped (true convolution).
    Why: ... Hint: ...

Matching is by behaviour, not by text: a loop and a vectorised answer with the same bug give
the same values, so the same diagnosis. A correct answer passes its checks and is never
diagnosed. What ships for matching (``labkit/exercises/mistakes/<lesson>.json``) holds the
fingerprints of wrong answers and their explanations: hashes of wrong values, from which the
right answer cannot be read back. ``grading/mistakes.py build`` makes it from a run of the lesson.

Values are rounded to 4 significant digits before hashing, so that answers computing the same
thing in a different order (sums in another order differ in the last bits) still match.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["record", "reset", "fingerprint", "current_lesson", "lookup", "explain_failure", "failures",
           "MISTAKES_DIR"]

MISTAKES_DIR = Path(__file__).resolve().parent / "mistakes"
_SEEN: list[tuple[str, Any]] = []   # (check kind, canonical value) since the current cell started
_FAILURES: list[str] = []            # fingerprints of the checks that failed (read by the self-test)
_EVER_FAILED: list[str] = []         # every failure in this kernel (an earlier one can explain a later one)
_MAX_SEEN = 400
_TABLES: dict[str, dict] = {}


def _canonical(value: Any, depth: int = 0) -> Any:
    """A JSON-able, rounded form of a check's value (4 significant digits; at most 2,000 numbers)."""
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(value, torch.Tensor):
        value = value.detach().cpu().numpy()
    if depth > 4:
        return type(value).__name__
    if value is None or isinstance(value, (bool, np.bool_, str)):
        return value if not isinstance(value, np.bool_) else bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(f"{float(value):.4g}") + 0.0
    if isinstance(value, dict):
        return {str(k): _canonical(v, depth + 1) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)) and len(value) <= 64 and not all(
            isinstance(v, (int, float, np.number)) for v in value):
        return [_canonical(v, depth + 1) for v in value]
    try:
        arr = np.asarray(value)
    except Exception:
        return type(value).__name__
    if arr.dtype.kind not in "biuf":
        return [type(value).__name__, list(arr.shape)]
    flat = arr.astype(float).ravel()
    shown = flat[:2000]
    return {"shape": list(arr.shape), "values": [float(f"{v:.4g}") + 0.0 for v in shown.tolist()],
            "sum": float(f"{flat.sum():.4g}") + 0.0 if flat.size else 0.0}


def record(kind: str, value: Any) -> None:
    """Called by every check helper with the learner's value (``kind``: close, equal, shape, true)."""
    if len(_SEEN) >= _MAX_SEEN:
        return
    try:
        _SEEN.append((kind, _canonical(value)))
    except Exception:  # a value that cannot be described takes no part in matching
        _SEEN.append((kind, "?"))


def reset(*_args) -> None:
    """Forget what the checks saw (at the start of every cell: an IPython pre_run_cell hook)."""
    _SEEN.clear()


def fingerprint(seen: list | None = None) -> str:
    """The behaviour fingerprint of what the checks saw so far: 16 hex digits."""
    text = json.dumps(_SEEN if seen is None else seen, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def current_lesson() -> str | None:
    """The lesson whose notebook this kernel runs: from Jupyter's session name, else the folder."""
    candidates = [os.environ.get("JPY_SESSION_NAME", ""), getattr(sys.modules.get("__main__"), "__session__", ""),
                  os.getcwd()]
    for text in candidates:
        for part in reversed(Path(str(text)).parts):
            stem = part.removesuffix(".ipynb")
            if re.fullmatch(r"\d\d_[a-z0-9_]+", stem) and (MISTAKES_DIR / f"{stem}.json").exists():
                return stem
    return None


def table(lesson: str) -> dict:
    """{fingerprint: [{exercise, mistake, why, hint}, ...]} for a lesson ({} if none is shipped)."""
    if lesson not in _TABLES:
        path = MISTAKES_DIR / f"{lesson}.json"
        try:
            _TABLES[lesson] = json.loads(path.read_text()).get("mistakes", {}) if path.exists() else {}
        except (OSError, ValueError):
            _TABLES[lesson] = {}
    return _TABLES[lesson]


def lookup(lesson: str | None, fp: str) -> list[dict]:
    return table(lesson).get(fp, []) if lesson else []


def explain_failure(error: BaseException) -> str:
    """The diagnosis to add under a failed check's message ("" when the behaviour is not a known mistake).

    Also remembers the fingerprint (``failures()``), and under nbgrader's autograde adds it to the
    message as ``[behaviour <fingerprint>]`` so that the instructor's report can group answers.
    """
    if type(error).__name__ == "ShortcutUsed":
        return ""
    fp = fingerprint()
    earlier_failures = bool(_EVER_FAILED)
    _FAILURES.append(fp)
    _EVER_FAILED.append(fp)
    known = lookup(current_lesson(), fp)
    lines = []
    if known:
        names = [k["mistake"] for k in known]
        first = known[0]
        if len(set(names)) == 1:
            lines.append(f"This behaves like a common mistake: {first['mistake']}.")
        else:
            lines.append("This behaves like one of these common mistakes: " + "; ".join(dict.fromkeys(names)) + ".")
        lines.append(f"Why: {first['why']}")
        lines.append(f"Hint: {first['hint']}")
        if earlier_failures:  # this answer may only inherit a mistake from an earlier one it calls
            lines.append("(If an earlier exercise's checks failed in this session, make them pass first: an "
                         "answer that uses a wrong earlier answer can look like this mistake without making it.)")
    if os.environ.get("NBGRADER_EXECUTION") == "autograde":
        lines.append(f"[behaviour {fp}" + (f": {known[0]['mistake']}]" if known else "]"))
    return "\n".join(lines)


def failures(clear: bool = True) -> list[str]:
    """Fingerprints of the checks that failed since the last call (for the self-test)."""
    out = list(_FAILURES)
    if clear:
        _FAILURES.clear()
    return out
