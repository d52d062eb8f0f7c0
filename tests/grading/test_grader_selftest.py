"""The grader's self-test, run for every lesson in notebooks/ (a new lesson is covered by dropping it in).

Per lesson, one test sets up a fresh course folder outside the repository, as an instructor's
own course (``nbgrader_config.py`` with the documented sandbox lines, ``source/<lesson>/``),
releases the lesson with plain nbgrader and grades three submissions, each executed once:
``source`` (the instructor notebook, solutions in) with plain ``nbgrader autograde`` (the path of
the formgrader's Autograde button), ``blank`` (the student release as handed out) and, for a
sample of lessons, ``loop`` (the source with its last answer replaced by an infinite loop) with
``grading/course.py``'s batch grader. Feedback and the grade export then run on that gradebook,
and every check below is applied to the result; the test fails with the list of checks that
failed. A second test per lesson replays every recorded wrong and right answer in one kernel.
That both paths give the same notebook the same score is tested on lesson 00 in
test_nbgrader_sandbox.py (same sandbox run, same scoring function).

One test per lesson, not one per check: the lessons then spread over the xdist workers with
nothing shared (pytest 9 ignores xdist_group, so per-check tests of one lesson used to land on
both workers, one waiting for the other to grade it).

The infinite-loop submission is graded for LOOP_LESSONS only: cutting off a cell is the
sandbox's work, the same for every lesson, and tests/grading/test_hostile_submissions.py
attacks it harder (a loop deaf to interrupts, memory and fork bombs); every lesson's blank
release is still graded, which shows that no lesson hangs the grader.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

import course
import mistakes
import selftest

pytestmark = pytest.mark.slow

ARTIFACTS = course.REPO / "test-artifacts"
# The per-cell timeout of the self-test's grading run. Every lesson cell must finish
# well within it; the infinite loop must be cut off by it.
CELL_TIMEOUT = int(os.environ.get("NNLAB_SELFTEST_CELL_TIMEOUT", "20"))
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


@dataclass
class GradedLesson:
    lesson: str
    root: Path
    scores: dict[str, dict[str, tuple[float, float]]]  # student -> grade_id -> (score, max)
    plain: dict  # the source's grading by plain nbgrader: seconds, sandbox seconds, notebook limit, verdict

    def autograded(self, student: str) -> nbformat.NotebookNode:
        return nbformat.read(self.root / "autograded" / student / self.lesson / f"{self.lesson}.ipynb", as_version=4)

    def release(self) -> nbformat.NotebookNode:
        return nbformat.read(self.root / "release" / self.lesson / f"{self.lesson}.ipynb", as_version=4)


# A spread over the course: the first lesson, one in the middle and the last.
LOOP_LESSONS = sorted({course.lessons()[0], course.lessons()[len(course.lessons()) // 2], course.lessons()[-1]})


def graded(lesson: str, root: Path) -> GradedLesson:
    """Grade ``lesson`` in a fresh course folder ``root`` (outside the repository), as an instructor's course.

    The course folder is what an instructor sets up (``selftest.instructor_course``): its own
    ``nbgrader_config.py`` with the sandbox lines grading/README.md documents, and ``source/``.
    Plain ``nbgrader generate_assignment`` releases the lesson and plain ``nbgrader autograde``
    grades the source, so every lesson's source is graded on the path of the formgrader's
    Autograde button; the blank release and the loop go through ``grading/course.py``'s batch
    grader into the same gradebook. Each submission is executed once.
    """
    selftest.instructor_course(root, [lesson], cell_timeout=CELL_TIMEOUT)
    selftest.plain_nbgrader(root, "generate_assignment", lesson)
    source = course.lesson_notebook(lesson)
    submissions = {
        "source": nbformat.read(source, as_version=4),
        "blank": nbformat.read(root / "release" / lesson / f"{lesson}.ipynb", as_version=4),
    }
    if lesson in LOOP_LESSONS:
        loop = nbformat.read(source, as_version=4)
        loop.cells[selftest.exercises(loop)[-1].answer_index].source = "while True:\n    pass"
        submissions["loop"] = loop
    for student, notebook in submissions.items():
        folder = root / "submitted" / student / lesson
        folder.mkdir(parents=True)
        for extra in source.parent.iterdir():  # assets beside the notebook
            if extra.is_file() and extra.suffix != ".ipynb":
                shutil.copy2(extra, folder / extra.name)
        nbformat.write(notebook, folder / f"{lesson}.ipynb")
    start = time.perf_counter()
    log = selftest.plain_nbgrader(root, "autograde", lesson, "--student=source")
    plain_seconds = time.perf_counter() - start
    sandboxed = re.search(r"sandboxed autograde of source/\S+ \((\w+), (\d+) s, notebook limit (\d+) s\): (.*)",
                          log.stdout + log.stderr)
    assert sandboxed, f"{lesson}: plain nbgrader did not grade the source in the sandbox:\n{(log.stdout + log.stderr)[-2000:]}"
    start = time.perf_counter()
    import sandbox

    others = [(lesson, s) for s in submissions if s != "source"]
    verdicts = course.autograde_batch(others, root=root, workers=1, limits=sandbox.Limits(cell_timeout=CELL_TIMEOUT))
    seconds = time.perf_counter() - start
    failed = [v.student for v in verdicts if v.status not in ("graded", "timed out")]
    assert not failed, f"{lesson}: nbgrader could not grade {failed}"
    scores = {s: course.scores(lesson, s, root=root) for s in submissions}
    plain = {"seconds": round(plain_seconds, 1), "isolation": sandboxed.group(1),
             "sandbox_seconds": int(sandboxed.group(2)), "notebook_limit": int(sandboxed.group(3)),
             "verdict": sandboxed.group(4)}
    # What test cells of the source wrote to stderr (a library warning): not a failure on any path,
    # but the learner sees it in the test cell's feedback; listed for the lesson's author.
    autograded = nbformat.read(root / "autograded" / "source" / lesson / f"{lesson}.ipynb", as_version=4)
    stderr = [{"test": c.metadata.nbgrader.get("grade_id"), "text": o.get("text", "")[:300]}
              for c in autograded.cells if c.metadata.get("nbgrader", {}).get("grade")
              and not c.metadata.nbgrader.get("solution")
              for o in c.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"autograde-{lesson}.json").write_text(json.dumps(
        {"lesson": lesson, "submissions": sorted(submissions), "scores": scores, "source_plain_nbgrader": plain,
         "source_test_stderr": stderr, "batch_seconds": round(seconds, 1)}, indent=1))
    return GradedLesson(lesson, root, scores, plain)


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


def check_release_has_no_solutions_or_hidden_tests(g: GradedLesson):
    lesson = g.lesson
    release = g.release()
    text = "\n".join(c.source for c in release.cells)
    assert not re.search(r"BEGIN (SOLUTION|HIDDEN TESTS)|END (SOLUTION|HIDDEN TESTS)", text)
    source = nbformat.read(course.lesson_notebook(lesson), as_version=4)
    release_lines = {l.strip() for c in release.cells for l in c.source.splitlines()}
    leaked = [l for l in _solution_lines(source) if l in release_lines]
    assert not leaked, f"{lesson}: solution or hidden-test lines leaked into the release: {leaked[:5]}"
    assert "raise NotImplementedError()" in text


def check_source_scores_full_marks_and_runs_clean(g: GradedLesson):
    lesson = g.lesson
    manual = set(selftest.manual_ids(nbformat.read(course.lesson_notebook(lesson), as_version=4)))
    lost = {k: v for k, v in g.scores["source"].items() if v[0] != v[1] and k not in manual}
    assert not lost, f"{lesson}: the instructor solution lost points on {lost}"
    # A manually graded answer gets no automatic points: it waits for a person.
    auto_scored = {k: v for k, v in g.scores["source"].items() if k in manual and v[0] not in (None, 0.0)}
    assert not auto_scored, f"{lesson}: manually graded answers were scored automatically: {auto_scored}"
    errors = [(i, o.get("ename"), o.get("evalue", "")[:200]) for i, c in enumerate(g.autograded("source").cells)
              for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, f"{lesson}: cells raised errors when run top to bottom: {errors}"


def check_source_displays_a_widget(g: GradedLesson):
    lesson = g.lesson
    if lesson.startswith("00"):
        return  # the welcome lesson introduces widgets in prose and a Validate walkthrough
    nb = g.autograded("source")
    shown = [o for c in nb.cells for o in c.get("outputs", []) if WIDGET_MIME in o.get("data", {})]
    assert shown, f"{lesson}: no cell displayed a widget"


def check_blank_release_scores_zero(g: GradedLesson):
    lesson = g.lesson
    scores = g.scores["blank"]
    earned = {k: v for k, v in scores.items() if v[0] not in (0, None)}
    assert not earned, f"{lesson}: the blank release earned points on {earned}: a check passes without an answer"


def check_infinite_loop_is_cut_off_and_the_rest_still_graded(g: GradedLesson):
    lesson = g.lesson
    if lesson not in LOOP_LESSONS:
        return
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
    assert set(g.scores) == {"source", "blank", "loop"}, sorted(g.scores)


def check_feedback_hides_hidden_tests_and_export_lists_every_student(g: GradedLesson):
    lesson = g.lesson
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


def _has_manual_answers(lesson: str) -> bool:
    return bool(selftest.manual_ids(nbformat.read(course.lesson_notebook(lesson), as_version=4)))


def check_manually_graded_answers_wait_for_a_person_then_count(g: GradedLesson):
    """Free-text answers: released blank, never scored by the autograder, flagged in the export, and
    counted once an instructor grades them in the gradebook (what the Formgrader writes)."""
    from nbgrader.api import Gradebook

    lesson = g.lesson
    if not _has_manual_answers(lesson):
        return
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
    root = g.root.parent / "manually-graded"
    shutil.copytree(g.root, root)  # a copy: the other checks read the gradebook as autograded
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


def check_lesson_time_is_recorded_and_the_source_finishes_within_its_cap(g: GradedLesson):
    """The whole-notebook cap comes from the lesson's recorded time; the source must run well inside it."""
    import sandbox

    recorded = course.lesson_times().get(g.lesson)
    assert recorded is not None, (f"{g.lesson}: no recorded run time in {course.LESSON_TIMES.name}, so its submissions "
                                  f"may run 600 s; run `python grading/course.py measure {g.lesson}`")
    cap = course.notebook_limit(g.lesson, sandbox.Limits()).notebook_timeout
    assert g.plain["notebook_limit"] == cap, g.plain
    assert g.plain["verdict"] == "graded", f"{g.lesson}: the source was not graded normally: {g.plain}"


CHECKS = [
    check_release_has_no_solutions_or_hidden_tests,
    check_source_scores_full_marks_and_runs_clean,
    check_source_displays_a_widget,
    check_blank_release_scores_zero,
    check_infinite_loop_is_cut_off_and_the_rest_still_graded,
    check_feedback_hides_hidden_tests_and_export_lists_every_student,
    check_manually_graded_answers_wait_for_a_person_then_count,
    check_lesson_time_is_recorded_and_the_source_finishes_within_its_cap,
]


@pytest.mark.parametrize("lesson", course.lessons())
def test_lesson_grades_as_designed(lesson, tmp_path):
    """Release, autograde, feedback and export of one lesson; every check, every failure reported."""
    g = graded(lesson, tmp_path / "course")
    failures = []
    for check in CHECKS:
        try:
            check(g)
        except AssertionError as error:
            failures.append(f"{check.__name__.removeprefix('check_')}: {error}")
    assert not failures, f"{lesson}: {len(failures)} of {len(CHECKS)} checks failed:\n\n" + "\n\n".join(failures)


@pytest.mark.parametrize("lesson", course.lessons())
def test_recorded_answers_wrong_rejected_right_accepted(lesson):
    """Every recorded wrong answer fails its exercise's checks (a library shortcut as ShortcutUsed);
    every recorded right answer (another correct way to answer) passes them. One kernel for all."""
    replayed = selftest.replay_recorded_answers(course.lesson_notebook(lesson), lesson)
    results = replayed["wrong"]
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
    if (selftest.RIGHT_ANSWERS / lesson).is_dir():
        results = replayed["right"]
        assert results, f"{lesson}: no right answers replayed"
        refused = [f"{r.grade_id}/{r.mistake}: {r.answer_error or r.failed_checks}" for r in results
                   if r.rejected or r.answer_error]
        assert not refused, f"{lesson}: correct alternative answers rejected:\n" + "\n".join(refused)
    # The route hunt: every library callable that reproduces a solution's values must be rejected.
    hunt = replayed["hunt"]
    (ARTIFACTS / f"route-hunt-{lesson}.json").write_text(json.dumps(hunt, indent=1))
    guarded = selftest.guarded_exercises(nbformat.read(course.lesson_notebook(lesson), as_version=4))
    unhunted = sorted(set(guarded) - set(hunt))
    assert not unhunted, f"{lesson}: exercises with own_work whose checks recorded no call to hunt on: {unhunted}"
    # Diagnosis: a mistake that a visible check rejects is recognised as itself (variants as the
    # mistake they copy) by the table the lesson ships (labkit/exercises/mistakes/<lesson>.json).
    from labkit.exercises import diagnosis

    shipped = diagnosis.table(lesson)
    undiagnosed = []
    for r in results:
        if not r.fingerprints or r.mistake.startswith(selftest.SHORTCUT_PREFIX):
            continue  # rejected by hidden tests only (the learner sees no failure), or a shortcut (its own message)
        if mistakes.VARIES in recorded[r.grade_id][r.mistake]:
            continue  # an unseeded mistake: different values on every run, nothing to match
        names = {e["name"] for e in shipped.get(r.fingerprints[0], []) if e["exercise"] == r.grade_id}
        if mistakes.base_name(r.mistake) not in names:
            undiagnosed.append(f"{r.grade_id}/{r.mistake} (behaviour {r.fingerprints[0]}; the table says {sorted(names)})")
    assert not undiagnosed, (f"{lesson}: recorded mistakes the learner's checks would not recognise; if the checks or "
                             f"the answers changed, rebuild the table: .venv/bin/python grading/mistakes.py build "
                             f"{lesson}\n" + "\n".join(undiagnosed))
    escaped = [f"{gid}: {route}" for gid, row in hunt.items() for route in row["not_rejected"]]
    assert not escaped, (f"{lesson}: library callables that reproduce the solution pass the allow-list; exclude "
                         "them (a NumPy routine that is the exercise) or narrow allow=:\n" + "\n".join(escaped))
