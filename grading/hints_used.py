"""How many hints a learner was shown, read from a submission's ``hints-used.json`` (untrusted).

The learner's kernel writes ``hints-used.json`` beside the notebook each time a hint is revealed
(labkit/exercises/hints.py). It travels with the submission (nbgrader's ``submit``/``collect``
copy the lesson folder; ``course.py autograde`` copies it beside the notebook). It is the
student's file: it is read only when it is a regular file (never through a link), at most
``MAX_BYTES``, valid JSON of the expected shape; anything else counts as "no hints recorded".
Counts are clipped to the number of hints the exercise has.

The export reports the counts (``grades.csv``: ``hints_shown``, ``hints_detail``). They cost
nothing unless the instructor sets a penalty: ``NNLAB_HINT_PENALTY=0.5`` deducts half a point
per hint shown from that lesson's score (never below zero), reported in ``hint_penalty``.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

FILE = "hints-used.json"
MAX_BYTES = 64 * 1024
MAX_EXERCISES = 200
PENALTY_VAR = "NNLAB_HINT_PENALTY"


def read(folder: Path, limits: dict[str, int] | None = None) -> dict[str, int]:
    """{exercise: hints shown} from ``folder/hints-used.json``; {} when absent or not trustworthy.

    ``limits`` ({exercise: number of hints}) drops unknown exercises and clips the counts.
    """
    path = Path(folder) / FILE
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return {}
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return {}
        raw = os.read(fd, MAX_BYTES + 1)
    finally:
        os.close(fd)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return {}
    exercises = data.get("exercises") if isinstance(data, dict) else None
    if not isinstance(exercises, dict):
        return {}
    out: dict[str, int] = {}
    for name, entry in list(exercises.items())[:MAX_EXERCISES]:
        count = entry.get("shown") if isinstance(entry, dict) else None
        if not isinstance(name, str) or len(name) > 100 or isinstance(count, bool) or not isinstance(count, int):
            continue
        if limits is not None:
            if name not in limits:
                continue
            count = min(count, limits[name])
        if count > 0:
            out[name] = count
    return out


def copy_checked(src_folder: Path, dest_folder: Path) -> bool:
    """Copy ``hints-used.json`` from a submission into the course's copy, re-serialised (never the raw bytes)."""
    counts = read(src_folder)
    target = Path(dest_folder) / FILE
    if not counts:
        return False
    target.write_text(json.dumps({"version": 1, "exercises": {k: {"shown": v} for k, v in counts.items()}},
                                 indent=1, sort_keys=True) + "\n")
    return True


def penalty_per_hint() -> float:
    """Points deducted per hint shown (``NNLAB_HINT_PENALTY``; default 0: hints are free)."""
    text = os.environ.get(PENALTY_VAR, "").strip()
    if not text:
        return 0.0
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{PENALTY_VAR}={text!r} is not a number; expected points per hint shown, e.g. 0.5 "
                         "(or unset: hints cost nothing)") from None
    if value < 0 or value != value:
        raise ValueError(f"{PENALTY_VAR}={text!r} is negative; expected points per hint shown, 0 or more")
    return value


def hint_counts(lesson_folder: Path) -> dict[str, int]:
    """{exercise: number of hints} from the lesson's ``hints.toml`` ({} when it has none)."""
    import tomllib

    path = Path(lesson_folder) / "hints.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: len(v.get("hints", [])) for k, v in data.items() if isinstance(v, dict)}


def describe(counts: dict[str, int]) -> str:
    """'dot 1; mean_of 2' for the export."""
    return "; ".join(f"{k} {v}" for k, v in sorted(counts.items()))
