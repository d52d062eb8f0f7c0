"""The grader survives broken and hostile submissions (run on lesson 00, the quickest).

In one nbgrader run: a good submission; one whose check cells were rewritten to `pass`
(nbgrader restores them from the gradebook); one that kills its kernel; one that is not
a notebook at all; one that deleted a check cell. The run finishes, the good one scores
full marks, none of the others earns points it should not, and the gradebook and the CSV
export list every student.
"""

from __future__ import annotations

import csv

import nbformat
import pytest

import course
import selftest

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hostile")]
LESSON = "00_welcome"


def test_hostile_submissions(tmp_path):
    root = tmp_path / "course"
    course.release([LESSON], root=root)
    source = course.lesson_notebook(LESSON)
    exercises = selftest.exercises(nbformat.read(source, as_version=4))
    first, second = exercises[0], exercises[1]

    def submit(student, nb=None, text=None):
        folder = root / "submitted" / student / LESSON
        folder.mkdir(parents=True)
        if text is not None:
            (folder / f"{LESSON}.ipynb").write_text(text)
        else:
            nbformat.write(nb, folder / f"{LESSON}.ipynb")

    def fresh():
        return nbformat.read(source, as_version=4)

    submit("good", fresh())
    tamper = fresh()
    for e in exercises:
        tamper.cells[e.answer_index].source = "raise NotImplementedError()"
        for i in e.check_indices:
            tamper.cells[i].source = "pass  # checks 'fixed' by the student"
    submit("tamper", tamper)
    killer = fresh()
    killer.cells[first.answer_index].source = "import os\nos._exit(1)"
    submit("killer", killer)
    submit("broken", text="{ this is not a notebook")
    deleted = fresh()
    deleted.cells = [c for i, c in enumerate(deleted.cells) if i not in first.check_indices]
    submit("deleted", deleted)

    failed = course.autograde(LESSON, root=root, cell_timeout=20)
    assert failed == ["broken", "killer"], f"nbgrader should report exactly the ungradable submissions, got {failed}"

    full = {c: pts for c, pts in course.scores(LESSON, "good", root=root).items()}
    assert all(score == top for score, top in full.values()), full
    for student in ("tamper", "killer", "broken"):
        earned = {c: s for c, s in course.scores(LESSON, student, root=root).items() if s[0] > 0}
        assert not earned, f"{student} earned {earned}"
    deleted_scores = course.scores(LESSON, "deleted", root=root)
    assert all(deleted_scores[c][0] == 0 for c in first.check_ids), deleted_scores
    assert all(deleted_scores[c][0] == deleted_scores[c][1] for c in second.check_ids), deleted_scores

    rows = list(csv.DictReader(course.export(tmp_path / "grades.csv", root=root).open()))
    assert {r["student_id"] for r in rows} == {"good", "tamper", "killer", "broken", "deleted"}
