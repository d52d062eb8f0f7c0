"""What the kernel knows about the lesson it runs: its exercise map, the cell running, the checks passed.

The student version of a lesson carries an exercise map in its metadata
(:mod:`labkit.exercises.student`). The kernel finds its notebook from the path jupyter_server
gives it (``JPY_SESSION_NAME``, also ``__session__`` in the namespace) or, failing that, from
its working directory (``<lesson>/<lesson>.ipynb``), and reads the map from the saved file.

While cells run, two IPython events keep count: ``pre_run_cell`` notes which cell is running
(JupyterLab sends each cell's id), ``post_run_cell`` records an exercise's checks as passed
when one of its test cells ran without an error, and forgets it when its answer cell runs
again (a changed answer has to pass again).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

_cache: dict[str, tuple[float, dict]] = {}
current_cell_id: str | None = None
passed: set[str] = set()  # grade_ids of exercises whose test cells ran without an error


def notebook_path(namespace: dict | None = None) -> Path | None:
    """The notebook this kernel runs, when it can be told."""
    candidates = []
    for name in (os.environ.get("JPY_SESSION_NAME"), (namespace or {}).get("__session__")):
        if name:
            candidates += [Path(name), Path.cwd() / Path(name).name]
    cwd = Path.cwd()
    candidates.append(cwd / f"{cwd.name}.ipynb")
    for path in candidates:
        try:
            if path.suffix == ".ipynb" and path.is_file():
                return path
        except OSError:
            continue
    return None


def exercise_map(namespace: dict | None = None) -> dict:
    """The exercise map of this kernel's notebook ({} when it has none: a source notebook, a script)."""
    path = notebook_path(namespace)
    if path is None:
        return {}
    try:
        mtime = path.stat().st_mtime
        cached = _cache.get(str(path))
        if cached and cached[0] == mtime:
            return cached[1]
        with path.open(encoding="utf-8") as f:
            found = (json.load(f).get("metadata", {}).get("nnlab", {}) or {}).get("exercises") or {}
    except (OSError, ValueError, AttributeError):
        return {}
    _cache[str(path)] = (mtime, found)
    return found


def exercise(grade_id: str, mapping: dict | None = None) -> dict | None:
    for item in (mapping if mapping is not None else exercise_map()).get("exercises", []):
        if item.get("grade_id") == grade_id:
            return item
    return None


def describe(item: dict) -> str:
    """'«Exercise 4 · The randomization sanity check», cell 31'."""
    return f"\u00ab{item.get('title') or item.get('grade_id')}\u00bb, cell {item.get('cell')}"


def origin_of(name: str, mapping: dict | None = None) -> tuple[list[dict], int | None]:
    """(exercises a name comes from, cell that computes it if not an answer cell itself)."""
    mapping = exercise_map() if mapping is None else mapping
    for item in mapping.get("exercises", []):
        if name in item.get("names", []):
            return [item], None
    derived = mapping.get("computed", {}).get(name)
    if derived:
        ids = derived.get("exercises") or [derived.get("exercise")]
        items = [e for e in (exercise(g, mapping) for g in ids) if e]
        return items, derived.get("cell")
    return [], None


def exercise_of_cell(cell_id: str | None, mapping: dict | None = None) -> dict | None:
    """The exercise whose answer cell has this id."""
    if not cell_id:
        return None
    for item in (exercise_map() if mapping is None else mapping).get("exercises", []):
        if item.get("answer_cell_id") == cell_id:
            return item
    return None


def _pre_run_cell(info) -> None:
    global current_cell_id
    current_cell_id = getattr(info, "cell_id", None)


def _post_run_cell(result) -> None:
    cell_id = getattr(getattr(result, "info", None), "cell_id", None)
    if not cell_id:
        return
    try:
        mapping = exercise_map(getattr(sys.modules.get("__main__"), "__dict__", None))
    except Exception:
        return
    for item in mapping.get("exercises", []):
        if cell_id in item.get("test_cell_ids", []):
            if result.success:
                passed.add(item["grade_id"])
            else:
                passed.discard(item["grade_id"])
        elif cell_id == item.get("answer_cell_id"):
            passed.discard(item["grade_id"])


def install(shell) -> None:
    """Register the two events on an IPython shell (once)."""
    if getattr(shell, "_labkit_cell_events", False):
        return
    shell.events.register("pre_run_cell", _pre_run_cell)
    shell.events.register("post_run_cell", _post_run_cell)
    shell._labkit_cell_events = True
