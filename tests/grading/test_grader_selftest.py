"""The grader's self-test, run for every lesson in notebooks/ (a new lesson is covered by dropping it in).

Per lesson, nbgrader releases the lesson and autogrades three submissions in one run:
``source`` (the instructor notebook, solutions in), ``blank`` (the student release as
handed out) and ``loop`` (the source with its last answer replaced by an infinite loop).
Then feedback and the grade export run on that gradebook. Separately, every recorded
wrong answer is replayed in one kernel and must fail its exercise's checks.
"""

from __future__ import annotations

import csv
import fcntl
import functools
import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

import course
import selftest

pytestmark = pytest.mark.slow

ARTIFACTS = course.REPO / "test-artifacts"
# The per-cell timeout of the self-test's grading run. Every lesson cell must finish
# well within it; the infinite loop must be cut off by it.
CELL_TIMEOUT = int(os.environ.get("NNLAB_SELFTEST_CELL_TIMEOUT", "20"))
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def lesson_params():
    return [pytest.param(l, marks=pytest.mark.xdist_group(l)) for l in course.lessons()]


@dataclass
class GradedLesson:
    lesson: str
    root: Path
    seconds: float
    scores: dict[str, dict[str, tuple[float, float]]]  # student -> grade_id -> (score, max)
    loop_exercise: str

    def autograded(self, student: str) -> nbformat.NotebookNode:
        return nbformat.read(self.root / "autograded" / student / self.lesson / f"{self.lesson}.ipynb", as_version=4)

    def release(self) -> nbformat.NotebookNode:
        return nbformat.read(self.root / "release" / self.lesson / f"{self.lesson}.ipynb", as_version=4)


# One folder shared by every xdist worker of this test run: the first worker that needs a
# lesson grades it (under a file lock), the others reuse the result.
SHARED = Path(tempfile.gettempdir()) / f"nnlab-selftest-{os.environ.get('PYTEST_XDIST_TESTRUNUID', os.getpid())}"


@functools.lru_cache(maxsize=None)
def graded(lesson: str) -> GradedLesson:
    """Release and autograde the three submissions of ``lesson`` once per test run."""
    SHARED.mkdir(parents=True, exist_ok=True)
    record = SHARED / f"{lesson}.json"
    with (SHARED / f"{lesson}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            record.write_text(json.dumps(_grade(lesson, SHARED / lesson)))
    data = json.loads(record.read_text())
    scores = {s: {k: tuple(v) for k, v in per.items()} for s, per in data["scores"].items()}
    return GradedLesson(lesson, Path(data["root"]), data["seconds"], scores, data["loop_exercise"])


def _grade(lesson: str, root: Path) -> dict:
    shutil.rmtree(root, ignore_errors=True)
    course.release([lesson], root=root)
    source = course.lesson_notebook(lesson)
    nb = nbformat.read(source, as_version=4)
    last = selftest.exercises(nb)[-1]
    nb.cells[last.answer_index].source = "while True:\n    pass"
    submissions = {
        "source": nbformat.read(source, as_version=4),
        "blank": nbformat.read(root / "release" / lesson / f"{lesson}.ipynb", as_version=4),
        "loop": nb,
    }
    for student, notebook in submissions.items():
        folder = root / "submitted" / student / lesson
        folder.mkdir(parents=True)
        for extra in source.parent.iterdir():  # assets beside the notebook
            if extra.is_file() and extra.suffix != ".ipynb":
                shutil.copy2(extra, folder / extra.name)
        nbformat.write(notebook, folder / f"{lesson}.ipynb")
    start = time.perf_counter()
    failed = course.autograde(lesson, root=root, cell_timeout=CELL_TIMEOUT)
    seconds = time.perf_counter() - start
    assert not failed, f"{lesson}: nbgrader could not grade {failed}"
    scores = {s: course.scores(lesson, s, root=root) for s in submissions}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"autograde-{lesson}.json").write_text(json.dumps(
        {"lesson": lesson, "seconds_for_3_submissions": round(seconds, 1), "scores": scores}, indent=1))
    return {"root": str(root), "seconds": seconds, "scores": scores, "loop_exercise": last.grade_id}


def _solution_lines(nb) -> list[str]:
    lines = []
    for cell in nb.cells:
        inside = False
        for line in cell.source.splitlines():
            if "BEGIN SOLUTION" in line or "BEGIN HIDDEN TESTS" in line:
                inside = True
            elif "END SOLUTION" in line or "END HIDDEN TESTS" in line:
                inside = False
            elif inside and len(line.strip()) > 12:
                lines.append(line.strip())
    return lines


@pytest.mark.parametrize("lesson", lesson_params())
def test_release_has_no_solutions_or_hidden_tests(lesson):
    release = graded(lesson).release()
    text = "\n".join(c.source for c in release.cells)
    assert not re.search(r"BEGIN (SOLUTION|HIDDEN TESTS)|END (SOLUTION|HIDDEN TESTS)", text)
    source = nbformat.read(course.lesson_notebook(lesson), as_version=4)
    release_lines = {l.strip() for c in release.cells for l in c.source.splitlines()}
    leaked = [l for l in _solution_lines(source) if l in release_lines]
    assert not leaked, f"{lesson}: solution or hidden-test lines leaked into the release: {leaked[:5]}"
    assert "raise NotImplementedError()" in text


@pytest.mark.parametrize("lesson", lesson_params())
def test_source_scores_full_marks_and_runs_clean(lesson):
    g = graded(lesson)
    manual = set(selftest.manual_ids(nbformat.read(course.lesson_notebook(lesson), as_version=4)))
    lost = {k: v for k, v in g.scores["source"].items() if v[0] != v[1] and k not in manual}
    assert not lost, f"{lesson}: the instructor solution lost points on {lost}"
    # A manually graded answer gets no automatic points: it waits for a person.
    auto_scored = {k: v for k, v in g.scores["source"].items() if k in manual and v[0] not in (None, 0.0)}
    assert not auto_scored, f"{lesson}: manually graded answers were scored automatically: {auto_scored}"
    errors = [(i, o.get("ename"), o.get("evalue", "")[:200]) for i, c in enumerate(g.autograded("source").cells)
              for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, f"{lesson}: cells raised errors when run top to bottom: {errors}"


@pytest.mark.parametrize("lesson", [p for p in lesson_params() if not p.values[0].startswith("00")])
def test_source_displays_a_widget(lesson):
    nb = graded(lesson).autograded("source")
    shown = [o for c in nb.cells for o in c.get("outputs", []) if WIDGET_MIME in o.get("data", {})]
    assert shown, f"{lesson}: no cell displayed a widget"


@pytest.mark.parametrize("lesson", lesson_params())
def test_blank_release_scores_zero(lesson):
    scores = graded(lesson).scores["blank"]
    earned = {k: v for k, v in scores.items() if v[0] not in (0, None)}
    assert not earned, f"{lesson}: the blank release earned points on {earned}: a check passes without an answer"


@pytest.mark.parametrize("lesson", lesson_params())
def test_infinite_loop_is_cut_off_and_the_rest_still_graded(lesson):
    g = graded(lesson)
    loop = g.scores["loop"]
    nb = nbformat.read(course.lesson_notebook(lesson), as_version=4)
    exercises = selftest.exercises(nb)
    looped = exercises[-1]
    assert all(loop[c][0] == 0 for c in looped.check_ids), f"{lesson}: the looping exercise earned points: {loop}"
    for e in exercises[:-1]:
        for c in e.check_ids:
            assert loop[c][0] == loop[c][1], f"{lesson}: exercise {e.grade_id} before the loop lost points: {loop}"
    timed_out = [o for c in g.autograded("loop").cells for o in c.get("outputs", [])
                 if o.get("output_type") == "error" and o.get("ename") in ("CellTimeoutError", "KeyboardInterrupt")]
    assert timed_out, f"{lesson}: no cell was recorded as timed out in the looping submission"
    assert set(g.scores) == {"source", "blank", "loop"}


@pytest.mark.parametrize("lesson", lesson_params())
def test_feedback_hides_hidden_tests_and_export_lists_every_student(lesson):
    g = graded(lesson)
    course.feedback(lesson, root=g.root)
    source = nbformat.read(course.lesson_notebook(lesson), as_version=4)
    hidden = [l for c in source.cells for l in _solution_lines(nbformat.v4.new_notebook(cells=[c]))
              if "BEGIN HIDDEN TESTS" in c.source]
    for student in ("source", "blank"):
        html = (g.root / "feedback" / student / lesson / f"{lesson}.html").read_text()
        shown = [l for l in hidden if l in html or l.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;") in html]
        assert not shown, f"{lesson}: feedback for {student} shows hidden test lines {shown[:3]}"
        assert "BEGIN HIDDEN TESTS" not in html
    csv_path = course.export(g.root / "grades.csv", root=g.root)
    rows = [r for r in csv.DictReader(csv_path.open()) if r["assignment"] == lesson]
    by_student = {r["student_id"]: float(r["score"]) for r in rows}
    manual = set(selftest.manual_ids(source))
    total = sum(v[1] for k, v in g.scores["source"].items() if k not in manual)  # before manual grading
    assert by_student["source"] == pytest.approx(total) and by_student["blank"] == 0, by_student


@pytest.mark.parametrize("lesson", lesson_params())
def test_recorded_wrong_answers_are_rejected(lesson):
    results = selftest.replay_wrong_answers(course.lesson_notebook(lesson), lesson)
    recorded = selftest.wrong_answers(lesson)
    assert len(results) == sum(len(v) for v in recorded.values()), "some recorded wrong answers were not replayed"
    broken = [f"{r.grade_id}/{r.mistake}: the wrong answer itself raised {r.answer_error}" for r in results if r.answer_error]
    accepted = [f"{r.grade_id}/{r.mistake}" for r in results if not r.rejected]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"wrong-answers-{lesson}.json").write_text(json.dumps(
        [{"exercise": r.grade_id, "mistake": r.mistake, "failed": r.failed_checks} for r in results], indent=1))
    assert not broken, f"{lesson}: recorded wrong answers must run (they model a plausible mistake):\n" + "\n".join(broken)
    assert not accepted, f"{lesson}: these wrong answers pass every check of their exercise:\n" + "\n".join(accepted)
    # An answer that calls the library must be caught by the no-shortcut mechanism itself,
    # not by a coincidence such as a different dtype.
    not_caught = [f"{r.grade_id}/{r.mistake}: {r.failed_checks}" for r in results
                  if r.mistake.startswith(selftest.SHORTCUT_PREFIX)
                  and not any(v.startswith("ShortcutUsed") for v in r.failed_checks.values())]
    assert not not_caught, f"{lesson}: library shortcuts not rejected as ShortcutUsed:\n" + "\n".join(not_caught)


@pytest.mark.parametrize("lesson", [p for p in lesson_params()
                                    if (selftest.RIGHT_ANSWERS / p.values[0]).is_dir()])
def test_recorded_right_answers_pass(lesson):
    """Another correct way to answer (a different sampling call, another formula) gets full marks."""
    results = selftest.replay_wrong_answers(course.lesson_notebook(lesson), lesson, right=True)
    assert results, f"{lesson}: no right answers replayed"
    refused = [f"{r.grade_id}/{r.mistake}: {r.answer_error or r.failed_checks}" for r in results
               if r.rejected or r.answer_error]
    assert not refused, f"{lesson}: correct alternative answers rejected:\n" + "\n".join(refused)


def _has_manual_answers(lesson: str) -> bool:
    return bool(selftest.manual_ids(nbformat.read(course.lesson_notebook(lesson), as_version=4)))


@pytest.mark.parametrize("lesson", [p for p in lesson_params() if _has_manual_answers(p.values[0])])
def test_manually_graded_answers_wait_for_a_person_then_count(lesson, tmp_path):
    """Free-text answers: released blank, never scored by the autograder, flagged in the export, and
    counted once an instructor grades them in the gradebook (what the Formgrader writes)."""
    from nbgrader.api import Gradebook

    g = graded(lesson)
    source = nbformat.read(course.lesson_notebook(lesson), as_version=4)
    manual = selftest.manual_ids(source)
    released = {c.metadata.nbgrader["grade_id"]: c.source for c in g.release().cells
                if c.metadata.get("nbgrader", {}).get("grade_id") in manual}
    model_answers = {c.metadata.nbgrader["grade_id"]: c.source for c in source.cells
                     if c.metadata.get("nbgrader", {}).get("grade_id") in manual}
    assert set(released) == set(manual)
    for grade_id, text in released.items():
        assert "YOUR ANSWER HERE" in text and "Model answer" not in text, f"{lesson}/{grade_id} released as {text!r}"
        assert "Model answer" in model_answers[grade_id]
    root = tmp_path / "course"
    shutil.copytree(g.root, root)  # a private copy: the other tests read the shared gradebook
    before = {r["student_id"]: r for r in csv.DictReader(course.export(root=root).open()) if r["assignment"] == lesson}
    assert f"{len(manual)} answer(s) await manual grading" in before["source"]["reason"], before["source"]
    auto_total = float(before["source"]["score"])
    given = {}
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        for i, grade_id in enumerate(manual):
            grade = gb.find_grade(grade_id, lesson, lesson, "source")
            assert grade.auto_score is None and grade.needs_manual_grade, (grade_id, grade.auto_score)
            grade.manual_score = given[grade_id] = grade.max_score - (i % 2)  # full marks, or one point off
        gb.db.commit()
    after = {r["student_id"]: r for r in csv.DictReader(course.export(root=root).open()) if r["assignment"] == lesson}
    assert float(after["source"]["score"]) == pytest.approx(auto_total + sum(given.values()))
    assert "await manual grading" not in after["source"]["reason"]
    assert "await manual grading" in after["blank"]["reason"]
