"""Hints on demand: two or three per exercise, from a nudge to a near-answer, one at a time.

Each lesson folder holds ``hints.toml``, one table per exercise (the grade id of its answer cell):

    [weighted_sum]
    hints = ["a nudge", "more specific", "near-answer, still not the code"]

In the student version every answer cell is followed by a small cell, ``hints("weighted_sum")``,
that shows a button **Show a hint (1 of 3)**; each click reveals the next hint under the ones
already shown. From the keyboard, ``hint("weighted_sum")`` prints the next one.

How many hints were shown is kept beside the notebook, in ``hints-used.json`` (the kernel's
working folder is the notebook's folder), so a restarted kernel shows the same hints again
and the grader can report the count (``grading/hints_used.py``); it never costs points unless
the instructor sets a penalty.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from typing import Any

__all__ = ["hint", "hints", "hints_shown", "load_hints", "shown", "HINTS_FILE", "USED_FILE", "HintError"]

HINTS_FILE = "hints.toml"
USED_FILE = "hints-used.json"
_CODE = re.compile(r"`([^`]+)`")


class HintError(LookupError):
    """No hints file, or no hints for the exercise asked for."""


def _folder(folder: str | Path | None) -> Path:
    return Path(folder) if folder is not None else Path.cwd()


def load_hints(folder: str | Path | None = None) -> dict[str, list[str]]:
    """{exercise: [hint, ...]} from ``folder/hints.toml`` (default: the working folder, the notebook's)."""
    path = _folder(folder) / HINTS_FILE
    if not path.is_file():
        raise HintError(f"no {HINTS_FILE} beside this notebook (looked for {path}); "
                        "the lesson's folder should hold it: copy it from the course's lesson folder")
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise HintError(f"{path} could not be read as TOML: {exc}") from exc
    out = {}
    for exercise, table in data.items():
        items = table.get("hints") if isinstance(table, dict) else None
        if isinstance(items, list) and all(isinstance(h, str) for h in items):
            out[exercise] = list(items)
    return out


def _exercise_hints(exercise: str, folder: str | Path | None) -> list[str]:
    table = load_hints(folder)
    if exercise not in table:
        raise HintError(f"no hints for exercise {exercise!r} in {_folder(folder) / HINTS_FILE}; "
                        f"exercises with hints: {sorted(table)}")
    return table[exercise]


def _read_used(folder: str | Path | None) -> dict[str, Any]:
    path = _folder(folder) / USED_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict) or not isinstance(data.get("exercises"), dict):
        data = {"version": 1, "exercises": {}}
    return data


def shown(exercise: str, folder: str | Path | None = None) -> int:
    """How many hints of ``exercise`` have been shown in this notebook's folder so far."""
    entry = _read_used(folder)["exercises"].get(exercise)
    value = entry.get("shown") if isinstance(entry, dict) else None
    return value if isinstance(value, int) and value >= 0 else 0


def _record(exercise: str, count: int, total: int, folder: str | Path | None) -> None:
    """Write the count to ``hints-used.json`` (atomically; a failure to write never hides a hint)."""
    folder = _folder(folder)
    data = _read_used(folder)
    data["version"] = 1
    data["exercises"][exercise] = {"shown": count, "of": total}
    tmp = folder / f".{USED_FILE}.{os.getpid()}.tmp"
    try:
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, folder / USED_FILE)
    except OSError:
        tmp.unlink(missing_ok=True)


def _reveal(exercise: str, total: int, folder: str | Path | None) -> int:
    """Count one more hint as shown (at most ``total``); returns the new count."""
    count = min(total, shown(exercise, folder) + 1)
    _record(exercise, count, total, folder)
    return count


def hint(exercise: str, folder: str | Path | None = None) -> str:
    """Print (and return) the next hint of ``exercise``; once all are shown, the last one again.

        >>> hint("weighted_sum")
        Hint 1 of 3 for weighted_sum: ...
    """
    items = _exercise_hints(exercise, folder)
    if not items:
        raise HintError(f"exercise {exercise!r} has an empty hint list in {HINTS_FILE}")
    already = shown(exercise, folder)
    count = _reveal(exercise, len(items), folder) if already < len(items) else len(items)
    text = f"Hint {count} of {len(items)} for {exercise}: {items[count - 1]}"
    if already >= len(items):
        text += f"\n(That was the last of the {len(items)} hints; the hint button under the exercise lists them all.)"
    print(text)
    return items[count - 1]


def hints_shown(exercise: str, folder: str | Path | None = None) -> list[str]:
    """The hints of ``exercise`` shown so far, in order."""
    return _exercise_hints(exercise, folder)[:shown(exercise, folder)]


def _as_html(text: str) -> str:
    return _CODE.sub(r"<code>\1</code>", html.escape(text))


class HintsWidget:
    """The button under an exercise: each click reveals the next hint."""

    def __init__(self, exercise: str, items: list[str], folder: str | Path | None = None):
        import ipywidgets as widgets

        self.exercise, self.items, self.folder = exercise, list(items), folder
        self.count = min(shown(exercise, folder), len(self.items))
        self.button = widgets.Button(icon="lightbulb-o", layout=widgets.Layout(width="auto"),
                                     tooltip="Reveals the next hint; the notebook records how many were shown")
        self.button.add_class("nnlab-hint-button")
        self.text = widgets.HTML()
        self.text.add_class("nnlab-hints")
        self.button.on_click(self._clicked)
        self.box = widgets.VBox([self.button, self.text])
        self._render()

    def _clicked(self, _button=None) -> None:
        if self.count < len(self.items):
            self.count = _reveal(self.exercise, len(self.items), self.folder)
            self._render()

    def _render(self) -> None:
        n, k = len(self.items), self.count
        if k < n:
            self.button.description = f"Show a hint ({k + 1} of {n})"
            self.button.disabled = False
        else:
            self.button.description = f"All {n} hints shown"
            self.button.disabled = True
        self.text.value = "".join(
            f'<p class="nnlab-hint"><b>Hint {i} of {n}.</b> {_as_html(h)}</p>'
            for i, h in enumerate(self.items[:k], start=1))

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.box)


def hints(exercise: str, folder: str | Path | None = None):
    """The hint button of ``exercise`` (the cell under each answer in the student version).

    Under nbgrader (autograde, validate) nothing is shown. Without a hints file, or without hints
    for this exercise, a one-line note says so instead of failing the cell.
    """
    if os.environ.get("NBGRADER_EXECUTION"):
        return None
    try:
        items = _exercise_hints(exercise, folder)
    except HintError as exc:
        print(f"No hints for this exercise: {exc}")
        return None
    if not items:
        print(f"No hints for this exercise: {exercise!r} has an empty hint list in {HINTS_FILE}")
        return None
    return HintsWidget(exercise, items, folder)


# Where the student version is made: a hint cell after every answer cell
# ---------------------------------------------------------------------
# ``nbgrader generate_assignment`` (``make release`` and ``make lab``'s workspace copy) runs
# :class:`HintCells` before the exercise map is computed, so the map's cell numbers count the
# hint cells too. The source notebooks carry no hint cells.

HINT_CELL_TAG = "nnlab-hints"


def hint_cell_source(grade_id: str) -> str:
    return f"from labkit.exercises.hints import hint, hints\nhints({grade_id!r})"


def add_hint_cells(nb: Any) -> int:
    """Insert a hint cell after every answer cell of ``nb`` (once); returns how many were added."""
    import nbformat

    cells, added = [], 0
    existing = {c.get("id") for c in nb["cells"]}
    for index, cell in enumerate(nb["cells"]):
        cells.append(cell)
        meta = (cell.get("metadata") or {}).get("nbgrader") or {}
        if cell.get("cell_type") != "code" or not meta.get("solution") or meta.get("grade"):
            continue
        following = nb["cells"][index + 1] if index + 1 < len(nb["cells"]) else None
        if following is not None and HINT_CELL_TAG in following.get("metadata", {}).get("tags", []):
            continue
        grade_id = meta.get("grade_id", "")
        new = nbformat.v4.new_code_cell(hint_cell_source(grade_id))
        new.metadata = {"tags": [HINT_CELL_TAG], "editable": False, "deletable": False}
        cell_id = "hints-" + re.sub(r"[^A-Za-z0-9-]", "-", grade_id)[:50]
        while cell_id in existing:
            cell_id += "-x"
        existing.add(cell_id)
        new["id"] = cell_id
        cells.append(new)
        added += 1
    nb["cells"] = cells
    return added


try:  # nbgrader is in the lab's environment; labkit itself does not need it
    from nbgrader.preprocessors import NbGraderPreprocessor as _Preprocessor
except ImportError:  # pragma: no cover
    _Preprocessor = None

if _Preprocessor is not None:
    class HintCells(_Preprocessor):
        """nbgrader preprocessor (``GenerateAssignment.preprocessors``, before ``StudentVersion``): a
        ``hints("<grade_id>")`` cell after every answer cell."""

        def preprocess(self, nb, resources):
            add_hint_cells(nb)
            return nb, resources
