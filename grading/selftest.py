"""The grader's self-test, as a library the pytest suite calls.

For a lesson it can:

* list its exercises: each answer (solution) cell and the check cells that follow it;
* find the recorded wrong answers, ``grading/wrong_answers/<lesson>/<grade_id>/<mistake>.py``,
  each holding the full replacement of that answer cell, and the recorded alternative right
  answers, ``grading/right_answers/<lesson>/<grade_id>/<variant>.py``, which must pass;
* replay every recorded answer, wrong and right, in **one** kernel: run the notebook top to
  bottom; at each answer cell, run each recorded answer followed by that exercise's check cells
  (hidden tests included) and record which checks failed; then run the real answer and go on.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient

GRADING = Path(__file__).resolve().parent
WRONG_ANSWERS = GRADING / "wrong_answers"
# Other correct answers (a different but valid way to do it) that the checks must accept.
RIGHT_ANSWERS = GRADING / "right_answers"


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


def manual_ids(nb: nbformat.NotebookNode) -> list[str]:
    """grade_ids of the manually graded answers: markdown cells the learner writes and a person grades."""
    return [c.metadata.nbgrader["grade_id"] for c in nb.cells
            if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("grade")
            and c.metadata.get("nbgrader", {}).get("solution")]


def wrong_answers(lesson: str, folder_root: Path = WRONG_ANSWERS) -> dict[str, dict[str, str]]:
    """{answer grade_id: {mistake name: replacement source}} recorded for a lesson."""
    folder = folder_root / lesson
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


def replay_recorded_answers(notebook: Path, lesson: str | None = None, timeout: int = 120,
                            kinds: tuple[str, ...] = ("wrong", "right")) -> dict[str, list[WrongAnswerResult]]:
    """Run ``notebook`` once, swapping in each recorded answer; see the module docstring.

    ``kinds`` picks the recorded sets: "wrong" (each must be rejected) and "right" (each must
    pass). Both are replayed in the same kernel, one lesson execution for all of them.
    Returns {kind: results}; a result's ``rejected`` says whether a check failed."""
    notebook = Path(notebook)
    lesson = lesson or notebook.stem
    nb = nbformat.read(notebook, as_version=4)
    by_answer = {e.answer_index: e for e in exercises(nb)}
    folders = {"wrong": WRONG_ANSWERS, "right": RIGHT_ANSWERS}
    recorded = {kind: wrong_answers(lesson, folders[kind]) for kind in kinds}
    client = NotebookClient(nb, kernel_name="python3", timeout=timeout, allow_errors=True,
                            resources={"metadata": {"path": str(notebook.parent)}})
    results: dict[str, list[WrongAnswerResult]] = {kind: [] for kind in kinds}
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            exercise = by_answer.get(index)
            if exercise is not None:
                for kind in kinds:
                    for mistake, source in recorded[kind].get(exercise.grade_id, {}).items():
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
                        results[kind].append(WrongAnswerResult(exercise.grade_id, mistake, failed,
                                                               answer_errors[0] if answer_errors else None))
            client.execute_cell(cell, index)
    return results


def replay_wrong_answers(notebook: Path, lesson: str | None = None, timeout: int = 120,
                        right: bool = False) -> list[WrongAnswerResult]:
    """The recorded wrong answers (or, with ``right=True``, the right ones) replayed in one kernel."""
    kind = "right" if right else "wrong"
    return replay_recorded_answers(notebook, lesson, timeout, kinds=(kind,))[kind]


# --- the no-shortcut mechanism (labkit.shortcut) as the self-test sees it -------------------

SHORTCUT_PREFIX = "shortcut_"


def forbidden_entries(nb: nbformat.NotebookNode) -> dict[str, list[str]]:
    """{answer grade_id: forbidden import paths} from the ``own_work(..., forbid=[...])`` calls
    in each exercise's check cells. The list must be a literal of strings (a lint test says so)."""
    import ast

    found: dict[str, list[str]] = {}
    for exercise in exercises(nb):
        entries: list[str] = []
        for index in exercise.check_indices:
            source = nb.cells[index].source
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "own_work":
                    for kw in node.keywords:
                        if kw.arg == "forbid":
                            value = ast.literal_eval(kw.value)
                            entries.extend(value)
        if entries:
            found[exercise.grade_id] = sorted(set(entries))
    return found


def imported_names(source: str) -> list[str]:
    """Dotted paths of everything a cell imports at module level: ``from a.b import c as d`` -> ``a.b.c``; ``import a.b`` -> ``a.b``."""
    import ast

    names = []
    try:
        tree = ast.parse(source)
    except SyntaxError:  # IPython magics: the lint only reads plain Python cells
        return names
    for node in tree.body:  # module level: an import inside a function body puts nothing in the namespace
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def imports_of_forbidden(nb: nbformat.NotebookNode) -> list[str]:
    """Problems: an import above an exercise that brings in what that exercise forbids.

    An imported name is a problem when the object it names is, or lives inside, a forbidden entry
    (``from labkit.nn import Sigmoid`` above the sigmoid exercise). Importing a package that merely
    contains a forbidden piece (``import torch``) is fine: the learner must still choose to call it.
    """
    import importlib

    from labkit.shortcut import _Rule, resolve

    problems = []
    forbidden = forbidden_entries(nb)
    for exercise in exercises(nb):
        entries = forbidden.get(exercise.grade_id)
        if not entries:
            continue
        for entry in entries:  # load every package named, so that every rule resolves
            importlib.import_module(entry.split(".")[0])
        rules = resolve(entries)
        for index in range(exercise.answer_index):
            cell = nb.cells[index]
            if cell.cell_type != "code":
                continue
            for name in imported_names(cell.source):
                if name.endswith(".*"):
                    continue
                parts = name.split(".")
                obj = None
                if len(parts) > 1:  # `from a import b`: the attribute b of a, which may shadow a submodule a.b
                    try:
                        obj = getattr(importlib.import_module(".".join(parts[:-1])), parts[-1], None)
                    except ImportError:
                        obj = None
                if obj is None:
                    try:
                        obj = importlib.import_module(name)
                    except ImportError:
                        continue
                if obj is None:
                    continue
                try:
                    rule = _Rule(name, obj)
                except ValueError:
                    continue
                probe = (rule.module, rule.qualname or "", None)
                exposed = []
                if isinstance(obj, type(importlib)) and obj.__name__.startswith("labkit"):
                    # a labkit module hands out what it holds: `from labkit import nn` gives nn.Sigmoid
                    exposed = [(getattr(v, "__module__", None), getattr(v, "__qualname__", ""), None)
                               for k, v in vars(obj).items() if not k.startswith("_")]
                    exposed = [e for e in exposed if isinstance(e[0], str) and isinstance(e[1], str)]
                if any(r.matches(p) for r in rules for p in [probe, *exposed]):
                    problems.append(f"cell {index} imports {name}, which exercise {exercise.grade_id} "
                                    f"(cell {exercise.answer_index}) asks the learner to write")
    return problems
