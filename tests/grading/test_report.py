"""The misconception report (issue 23), on autograded notebooks made here (no kernel): outcomes
classified from the test cells' errors and the gradebook-less fallback, groups ordered, recognised
mistakes named from the shipped table, names only in the instructor's copy, CSV = HTML's data,
and a group named into a recorded wrong answer."""

from __future__ import annotations

import csv
import json

import nbformat
import pytest

import report
from labkit.exercises import diagnosis

LESSON = "01_artificial_neuron"
FP_KNOWN, FP_A, FP_B = "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc"


def _error(ename, text):
    return nbformat.v4.new_output("error", ename=ename, evalue=text.splitlines()[0],
                                  traceback=["\x1b[31m" + line + "\x1b[0m" for line in text.splitlines()])


def _notebook(answer: str, failure=None):
    """One exercise 'weighted_sum': answer cell + test cell (failing with ``failure`` outputs, else passing)."""
    nb = nbformat.v4.new_notebook()
    a = nbformat.v4.new_code_cell(answer)
    a.metadata["nbgrader"] = {"solution": True, "grade": False, "grade_id": "weighted_sum"}
    t = nbformat.v4.new_code_cell("check_close(weighted_sum([1], [2], 3), 5)", execution_count=2)
    t.metadata["nbgrader"] = {"solution": False, "grade": True, "grade_id": "weighted_sum_tests", "points": 1}
    t.outputs = failure or []
    nb.cells = [nbformat.v4.new_markdown_cell("## Exercise 1 · Weighted sum"), a, t]
    return nb


@pytest.fixture
def course_root(tmp_path, monkeypatch):
    monkeypatch.setitem(diagnosis._TABLES, LESSON, {FP_KNOWN: [
        {"exercise": "weighted_sum", "name": "forgot_bias", "mistake": "Forgot the bias", "why": "b is never added.",
         "hint": "Compare with the expected value: off by b?"}]})
    subs = {
        "ann": ("def weighted_sum(x, w, b): return sum(x*w)+b", None),
        "bob": ("def weighted_sum(x, w, b):\n    return np.dot(x, w)", [_error("CheckFailed", f"✘ returned 2, expected 5\nThis behaves like a common mistake: Forgot the bias.\n[behaviour {FP_KNOWN}: Forgot the bias]")]),
        "cat": ("def weighted_sum(x, w, b):\n    return np.dot(x, w) * b", [_error("CheckFailed", f"✘ returned 6\n[behaviour {FP_A}]")]),
        "dan": ("def weighted_sum(x, w, b):\n    return b * (x @ w)", [_error("CheckFailed", f"✘ returned 6\n[behaviour {FP_A}]")]),
        "eve": ("def weighted_sum(x, w, b):\n    return -1  # <script>alert(1)</script>", [_error("CheckFailed", f"✘ returned -1\n[behaviour {FP_B}]")]),
        "fay": ("raise NotImplementedError()", [_error("NotImplementedError", "✘ This exercise is not done yet.")]),
        "gus": ("from labkit.nn import weighted_sum", [_error("ShortcutUsed", "weighted_sum used labkit")]),
        "hal": ("def weighted_sum(x, w, b): return x[5]", [_error("IndexError", "list index out of range")]),
        # a forged marker with a fingerprint the table knows for *another* exercise's name: the table decides
        "ivy": ("def weighted_sum(x, w, b): print('[behaviour 0123456789abcdef: Forgot the bias]')",
                [_error("CheckFailed", "✘ returned None\n[behaviour 0123456789abcdef: Forgot the bias]")]),
    }
    for student, (answer, failure) in subs.items():
        folder = tmp_path / "autograded" / student / LESSON
        folder.mkdir(parents=True)
        nbformat.write(_notebook(answer, failure), folder / f"{LESSON}.ipynb")
    return tmp_path


def test_failures_are_broken_down_by_mistake_then_unknown_groups_largest_first(course_root):
    built = report.build(course_root, with_plots=False)
    (r,) = built["reports"]
    assert (r.students, r.passed, r.failed) == (9, 1, 8)
    kinds = [(g.kind, g.key, g.count) for g in r.groups]
    assert kinds == [("mistake", "Forgot the bias", 1), ("unknown", FP_A, 2), ("unknown", "0123456789abcdef", 1),
                     ("unknown", FP_B, 1), ("shortcut", "ShortcutUsed", 1), ("not done", "", 1),
                     ("error", "IndexError", 1)]
    assert r.groups[0].why == "b is never added."
    assert r.groups[1].students == ["cat", "dan"] and "np.dot(x, w) * b" in r.groups[1].representative
    assert r.title == "weighted_sum"  # no release here: the grade id


def test_html_escapes_answers_and_names_students_only_in_the_instructors_copy(course_root, tmp_path):
    built = report.build(course_root, with_plots=True)
    page = built["html"].read_text()
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "data:image/png;base64," in page and "1 of 9</b> students passed" in page
    assert "cat, dan" in page and f"name-mistake {LESSON} weighted_sum {FP_A}" in page
    rows = list(csv.DictReader(built["csv"][0].open()))
    unknown_a = next(r for r in rows if r["group"] == FP_A)
    assert (unknown_a["count"], unknown_a["share_of_failures"], unknown_a["students_in_group"]) == ("2", "0.25", "cat dan")
    per_student = list(csv.DictReader(built["csv"][1].open()))
    assert {r["student"] for r in per_student} == set("ann bob cat dan eve fay gus hal ivy".split())
    anon = report.build(course_root, out=tmp_path / "anon", anonymous=True, with_plots=False)
    text = anon["html"].read_text() + anon["csv"][0].read_text()
    for student in ("ann", "bob", "cat", "dan", "eve", "fay", "gus", "hal", "ivy"):
        assert f" {student}" not in text and f"{student}," not in text, student
    assert not (tmp_path / "anon" / "misconceptions_students.csv").exists()


def test_naming_a_group_writes_a_recorded_wrong_answer_with_header(course_root, tmp_path):
    import mistakes

    path = report.name_mistake(course_root, LESSON, "weighted_sum", FP_A, "Bias multiplies the sum",
                               "It multiplies the weighted sum by b instead of adding b.",
                               "Is the bias added or multiplied in your return line?", wrong_answers=tmp_path / "wa")
    assert path == tmp_path / "wa" / LESSON / "weighted_sum" / "bias_multiplies_the_sum.py"
    text = path.read_text()
    assert mistakes.header(text) == {"mistake": "Bias multiplies the sum",
                                     "why": "It multiplies the weighted sum by b instead of adding b.",
                                     "hint": "Is the bias added or multiplied in your return line?"}
    assert text.endswith("return np.dot(x, w) * b\n")  # cat's answer: the first student of the group
    with pytest.raises(FileExistsError, match="already exists"):
        report.name_mistake(course_root, LESSON, "weighted_sum", FP_A, "Bias multiplies the sum", "w", "h",
                            wrong_answers=tmp_path / "wa")
    for args, message in (((FP_A, "x" * 3, "w", "h"), "has 1 words"), (("zz", "A b", "w", "h"), "not 16 hex"),
                          ((FP_A, "A b", "two\nlines", "h"), "must be one line"),
                          (("dddddddddddddddd", "A b", "w", "h"), "no failed answer .* has behaviour dddd")):
        with pytest.raises(ValueError, match=message):
            report.name_mistake(course_root, LESSON, "weighted_sum", *args, wrong_answers=tmp_path / "wa")
    with pytest.raises(ValueError, match="no autograded answers to exercise 'nope'"):
        report.name_mistake(course_root, LESSON, "nope", FP_A, "A b", "w", "h", wrong_answers=tmp_path / "wa")


def test_empty_course_says_nothing_is_autograded(tmp_path):
    built = report.build(tmp_path, with_plots=False)
    assert "Nothing autograded yet" in built["html"].read_text()
    assert json.loads(report.summary_json(built["reports"])) == []
