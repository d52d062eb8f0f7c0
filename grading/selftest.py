"""The grader's self-test, as a library the pytest suite calls.

For a lesson it can:

* list its exercises: each answer (solution) cell and the check cells that follow it;
* find the recorded wrong answers, ``grading/wrong_answers/<lesson>/<grade_id>/<mistake>.py``,
  each holding the full replacement of that answer cell;
* replay every wrong answer in **one** kernel: run the notebook top to bottom; at each
  answer cell, run each wrong answer followed by that exercise's check cells (hidden tests
  included) and record which checks failed; then run the real answer and go on.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient

GRADING = Path(__file__).resolve().parent
WRONG_ANSWERS = GRADING / "wrong_answers"


@dataclass
class Exercise:
    """One answer cell and the check cells that grade it."""

    grade_id: str
    answer_index: int
    check_indices: list[int] = field(default_factory=list)
    check_ids: list[str] = field(default_factory=list)
    points: float = 0.0


def exercises(nb: nbformat.NotebookNode) -> list[Exercise]:
    """The exercises of a notebook: each code answer cell with the graded code cells after it."""
    found: list[Exercise] = []
    for i, cell in enumerate(nb.cells):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code":
            continue
        if meta.get("solution") and not meta.get("grade"):
            found.append(Exercise(meta["grade_id"], i))
        elif meta.get("grade") and not meta.get("solution") and found:
            found[-1].check_indices.append(i)
            found[-1].check_ids.append(meta["grade_id"])
            found[-1].points += float(meta.get("points", 0))
    return [e for e in found if e.check_indices]


def wrong_answers(lesson: str) -> dict[str, dict[str, str]]:
    """{answer grade_id: {mistake name: replacement source}} recorded for a lesson."""
    folder = WRONG_ANSWERS / lesson
    if not folder.is_dir():
        return {}
    return {d.name: {f.stem: f.read_text() for f in sorted(d.glob("*.py"))}
            for d in sorted(folder.iterdir()) if d.is_dir()}


def _errors(cell) -> list[str]:
    return [f"{o.get('ename')}: {o.get('evalue', '')}" for o in cell.get("outputs", []) if o.get("output_type") == "error"]


@dataclass
class WrongAnswerResult:
    """What happened to one recorded wrong answer."""

    grade_id: str
    mistake: str
    failed_checks: dict[str, str]  # check grade_id -> first error line
    answer_error: str | None  # the wrong answer cell itself raised

    @property
    def rejected(self) -> bool:
        return bool(self.failed_checks)


def replay_wrong_answers(notebook: Path, lesson: str | None = None, timeout: int = 120) -> list[WrongAnswerResult]:
    """Run ``notebook`` once, swapping in each recorded wrong answer; see the module docstring."""
    notebook = Path(notebook)
    lesson = lesson or notebook.stem
    nb = nbformat.read(notebook, as_version=4)
    by_answer = {e.answer_index: e for e in exercises(nb)}
    recorded = wrong_answers(lesson)
    client = NotebookClient(nb, kernel_name="python3", timeout=timeout, allow_errors=True,
                            resources={"metadata": {"path": str(notebook.parent)}})
    results: list[WrongAnswerResult] = []
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            exercise = by_answer.get(index)
            if exercise is not None:
                for mistake, source in recorded.get(exercise.grade_id, {}).items():
                    trial = copy.deepcopy(cell)
                    trial.source = source
                    client.execute_cell(trial, index)
                    answer_errors = _errors(trial)
                    failed = {}
                    for check_index, check_id in zip(exercise.check_indices, exercise.check_ids):
                        check = copy.deepcopy(nb.cells[check_index])
                        client.execute_cell(check, check_index)
                        errs = _errors(check)
                        if errs:
                            failed[check_id] = errs[0].splitlines()[0][:300]
                    results.append(WrongAnswerResult(exercise.grade_id, mistake, failed,
                                                     answer_errors[0] if answer_errors else None))
            client.execute_cell(cell, index)
    return results
