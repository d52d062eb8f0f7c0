"""The progress view: how far a learner has got in each lesson of their workspace.

It reads the saved notebooks only (nothing is executed): an exercise counts as
*attempted* once its answer cell no longer holds the ``raise NotImplementedError()``
placeholder, and as *passing* when its check cell was last run without an error.
Save the notebook (Ctrl+S) before looking.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

LESSON = re.compile(r"^\d\d_[a-z0-9_]+$")
PLACEHOLDER = "raise NotImplementedError"


@dataclass(frozen=True)
class LessonProgress:
    """Progress in one lesson notebook."""

    lesson: str
    exercises: int
    attempted: int
    passing: int
    points: float
    points_passing: float


def lesson_progress(path: str | Path) -> LessonProgress:
    """Read one notebook and count its exercises, attempts and passing checks."""
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    answers = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")
               and not c.metadata["nbgrader"].get("grade")]
    checks = [c for c in nb.cells if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")]
    attempted = sum(PLACEHOLDER not in c.source for c in answers)
    passing = [c for c in checks if c.get("execution_count") and
               not any(o.get("output_type") == "error" for o in c.get("outputs", []))]
    return LessonProgress(
        lesson=path.stem,
        exercises=len(checks),
        attempted=attempted,
        passing=len(passing),
        points=sum(float(c.metadata["nbgrader"].get("points", 0)) for c in checks),
        points_passing=sum(float(c.metadata["nbgrader"].get("points", 0)) for c in passing),
    )


def workspace_progress(workspace: str | Path | None = None) -> list[LessonProgress]:
    """Progress of every lesson folder in ``workspace`` (default: the folder above this notebook's)."""
    root = Path(workspace) if workspace is not None else Path.cwd().parent
    if not root.is_dir():
        raise FileNotFoundError(f"workspace folder {root} does not exist; pass the folder that holds the lessons.")
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and LESSON.match(p.name)):
        notebook = folder / f"{folder.name}.ipynb"
        if notebook.exists():
            found.append(lesson_progress(notebook))
    return found


class ProgressView:
    """An HTML table of progress, shown by Jupyter: ``ProgressView()`` in a cell."""

    def __init__(self, workspace: str | Path | None = None):
        self.rows = workspace_progress(workspace)

    def _repr_html_(self) -> str:
        lines = ["<table><tr><th style='text-align:left'>lesson</th><th>attempted</th><th>checks passing</th>"
                 "<th>points</th><th style='text-align:left'>progress</th></tr>"]
        for r in self.rows:
            share = r.points_passing / r.points if r.points else 0.0
            bar = (f"<div style='width:160px;background:#eee;border-radius:3px'>"
                   f"<div style='width:{160 * share:.0f}px;height:12px;background:#2ca02c;border-radius:3px'></div></div>")
            lines.append(f"<tr><td style='text-align:left'>{html.escape(r.lesson)}</td>"
                         f"<td>{r.attempted} / {r.exercises}</td><td>{r.passing} / {r.exercises}</td>"
                         f"<td>{r.points_passing:g} / {r.points:g}</td><td>{bar}</td></tr>")
        lines.append("</table>")
        if not self.rows:
            return "<p>No lessons found in this workspace.</p>"
        return "".join(lines)

    def __repr__(self) -> str:
        return "\n".join(f"{r.lesson:32s} {r.passing}/{r.exercises} checks passing, "
                         f"{r.points_passing:g}/{r.points:g} points" for r in self.rows)
