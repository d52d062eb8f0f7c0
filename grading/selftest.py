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
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    fingerprints: list[str] = field(default_factory=list)  # behaviour of each failed visible check (diagnosis)

    @property
    def rejected(self) -> bool:
        return bool(self.failed_checks)


def _run_snippet(client: NotebookClient, source: str, index: int) -> str:
    """Execute ``source`` in the kernel as an extra cell; its printed text (errors raise RuntimeError)."""
    cell = nbformat.v4.new_code_cell(source)
    original = client.nb.cells[index]
    client.execute_cell(cell, index)  # nbclient stores the cell at ``index``: put the lesson's back
    client.nb.cells[index] = original
    errors = _errors(cell)
    if errors:
        raise RuntimeError(f"self-test snippet failed in the kernel: {errors[0]}\n{source}")
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream")


RECORD_START = ("import labkit.exercises.allowlist as _nnlab_al\n"
                "_nnlab_al.RECORDING = _nnlab_al.Recording()\n")
FINGERPRINTS = ("import json as _nnlab_json, labkit.exercises.diagnosis as _nnlab_dg\n"
                "print('NNLAB-FP ' + _nnlab_json.dumps(_nnlab_dg.failures()))\n")
HUNT = (f"import sys as _nnlab_sys\n_nnlab_sys.path.insert(0, {str(GRADING)!r})\n"
        "import route_hunt as _nnlab_rh\nprint(_nnlab_rh.report_json())\n")


def replay_recorded_answers(notebook: Path, lesson: str | None = None, timeout: int = 120,
                            kinds: tuple[str, ...] = ("wrong", "right"), hunt: bool = True) -> dict[str, Any]:
    """Run ``notebook`` once, swapping in each recorded answer; see the module docstring.

    ``kinds`` picks the recorded sets: "wrong" (each must be rejected) and "right" (each must
    pass). Both are replayed in the same kernel, one lesson execution for all of them.
    With ``hunt``, the calls each exercise's checks make through ``own_work`` with the real
    solution are recorded, and at the end ``route_hunt`` tries every library candidate on them.
    Returns {kind: results, "hunt": {exercise: report}}; a result's ``rejected`` says whether a check failed."""
    notebook = Path(notebook)
    lesson = lesson or notebook.stem
    nb = nbformat.read(notebook, as_version=4)
    by_answer = {e.answer_index: e for e in exercises(nb)}
    folders = {"wrong": WRONG_ANSWERS, "right": RIGHT_ANSWERS}
    recorded = {kind: wrong_answers(lesson, folders[kind]) for kind in kinds}
    client = NotebookClient(nb, kernel_name="python3", timeout=timeout, allow_errors=True,
                            resources={"metadata": {"path": str(notebook.parent)}})
    results: dict[str, Any] = {kind: [] for kind in kinds}
    check_of = {i: e.grade_id for e in by_answer.values() for i in e.check_indices}
    with client.setup_kernel():
        _run_snippet(client, FINGERPRINTS, 0)  # loads the diagnosis module: check helpers feed it from here on
        if hunt:
            _run_snippet(client, RECORD_START, 0)
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
                        printed = _run_snippet(client, FINGERPRINTS, index)
                        fps = next((json.loads(l.removeprefix("NNLAB-FP ")) for l in printed.splitlines()
                                    if l.startswith("NNLAB-FP ")), [])
                        results[kind].append(WrongAnswerResult(exercise.grade_id, mistake, failed,
                                                               answer_errors[0] if answer_errors else None, fps))
            if hunt and index in check_of:
                _run_snippet(client, f"_nnlab_al.RECORDING.tag = {check_of[index]!r}", index)
            client.execute_cell(cell, index)
            if hunt and index in check_of:
                _run_snippet(client, "_nnlab_al.RECORDING.tag = None", index)
        if hunt:
            client.timeout = None  # the hunt bounds itself (route_hunt.BUDGET per exercise function)
            text = _run_snippet(client, HUNT, len(nb.cells) - 1)
            line = next((l for l in text.splitlines() if l.startswith("NNLAB-HUNT ")), None)
            if line is None:
                raise RuntimeError(f"the route hunt printed no report; it printed:\n{text[-2000:]}")
            results["hunt"] = json.loads(line.removeprefix("NNLAB-HUNT "))
    return results


def replay_wrong_answers(notebook: Path, lesson: str | None = None, timeout: int = 120,
                        right: bool = False) -> list[WrongAnswerResult]:
    """The recorded wrong answers (or, with ``right=True``, the right ones) replayed in one kernel."""
    kind = "right" if right else "wrong"
    return replay_recorded_answers(notebook, lesson, timeout, kinds=(kind,), hunt=False)[kind]


# --- the allow-lists (labkit.exercises.allowlist) as the self-test sees them ---------------

SHORTCUT_PREFIX = "shortcut_"


def _guard_value(node, source: str):
    """The value of an ``allow=``/``exclude=`` argument: literal strings, ``TORCH_TENSOR_MATH``, or both joined."""
    import ast

    from labkit.exercises import allowlist

    names = {"TORCH_TENSOR_MATH": allowlist.TORCH_TENSOR_MATH}
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and sub.id not in names and sub.id not in ("list", "tuple"):
            raise ValueError(f"own_work argument {ast.get_source_segment(source, node)!r} uses {sub.id!r}: write "
                             "allow=/exclude= as literal lists of strings, TORCH_TENSOR_MATH, or both joined")
        if isinstance(sub, ast.Call) and getattr(sub.func, "id", None) not in ("list", "tuple"):
            raise ValueError(f"own_work argument {ast.get_source_segment(source, node)!r} calls a function")
    value = eval(compile(ast.Expression(node), "<own_work argument>", "eval"),  # noqa: S307 - names checked above
                 {"__builtins__": {"list": list, "tuple": tuple}, **names})
    return [str(v) for v in value]


def guarded_exercises(nb: nbformat.NotebookNode) -> dict[str, dict[str, list[str]]]:
    """{answer grade_id: {"allow": [...], "exclude": [...], "forbid": [...]}} from the ``own_work`` calls
    in each exercise's check cells (every call's entries together)."""
    import ast

    found: dict[str, dict[str, list[str]]] = {}
    for exercise in exercises(nb):
        for index in exercise.check_indices:
            source = nb.cells[index].source
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "own_work":
                    entry = found.setdefault(exercise.grade_id, {"allow": [], "exclude": [], "forbid": []})
                    for kw in node.keywords:
                        if kw.arg in entry:
                            entry[kw.arg].extend(_guard_value(kw.value, source))
    return {gid: {k: sorted(set(v)) for k, v in entry.items()} for gid, entry in found.items()}


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


# --- an instructor's own course folder, graded with plain nbgrader ---------------------------

# What grading/README.md tells a course folder's nbgrader_config.py to carry (this folder's path in it).
SANDBOX_CONFIG_LINES = f"""\
import sys
sys.path.insert(0, {str(GRADING)!r})
from nbgrader_sandbox import SANDBOXED_AUTOGRADE
c.Autograde.autograde_preprocessors = SANDBOXED_AUTOGRADE
"""


def instructor_course(folder: Path, lessons: list[str], course_id: str = "nnlab", cell_timeout: int = 60,
                      sandbox_lines: str = SANDBOX_CONFIG_LINES) -> Path:
    """A fresh course folder as an instructor sets one up: ``nbgrader_config.py`` (course id, seconds
    per cell, the sandbox lines) and ``source/<lesson>/``, a copy of ``notebooks/<lesson>/``."""
    import shutil

    notebooks = GRADING.parent / "notebooks"
    folder = Path(folder)
    folder.mkdir(parents=True)
    (folder / "nbgrader_config.py").write_text(
        f"c = get_config()  # noqa: F821\nc.CourseDirectory.course_id = {course_id!r}\n"
        f"c.Execute.timeout = {int(cell_timeout)}\n" + sandbox_lines)
    for lesson in lessons:
        if not (notebooks / lesson / f"{lesson}.ipynb").is_file():
            raise FileNotFoundError(f"no lesson {lesson!r}: expected {notebooks / lesson / (lesson + '.ipynb')}")
        shutil.copytree(notebooks / lesson, folder / "source" / lesson,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    return folder


def plain_nbgrader(folder: Path, *args: str, env: dict | None = None, timeout: int = 900):
    """``nbgrader ARGS`` run in ``folder`` as an instructor runs it: that folder's config, none of this
    repository's (no NNLAB_* settings either). Raises AssertionError with nbgrader's output if it fails."""
    import os
    import subprocess
    import sys

    run_env = {k: v for k, v in os.environ.items() if not k.startswith(("NNLAB_", "PYTEST", "JUPYTER"))}
    run_env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), run_env.get("PATH", "")])
    run_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=folder, env=run_env, capture_output=True,
                          text=True, timeout=timeout)
    if proc.returncode != 0:
        raise AssertionError(f"`nbgrader {' '.join(args)}` in {folder} failed (exit {proc.returncode}):\n"
                             f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc
