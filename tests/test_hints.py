"""Hints on demand (issue 23): the keyboard's hint(), the button's widget, the student version's hint
cells, and the grader's reading of hints-used.json (untrusted input)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import nbformat
import pytest

from labkit.exercises import hints as H

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "grading"))
import hints_used  # noqa: E402

TOML = '''
[weighted_sum]
hints = ["First `x` nudge.", "Second <b>pointer</b>.", "Third: near-answer."]

[other]
hints = ["only one", "two"]
'''


@pytest.fixture
def lesson(tmp_path, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    (tmp_path / "hints.toml").write_text(TOML)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_keyboard_hint_shows_the_next_one_each_time_and_records_the_count(lesson, capsys):
    assert H.hint("weighted_sum") == "First `x` nudge."
    assert "Hint 1 of 3 for weighted_sum" in capsys.readouterr().out
    assert H.hint("weighted_sum") == "Second <b>pointer</b>."
    assert H.hint("weighted_sum") == "Third: near-answer."
    assert H.hint("weighted_sum") == "Third: near-answer."  # past the last: the last again, count stays 3
    assert "last of the 3 hints" in capsys.readouterr().out
    data = json.loads((lesson / H.USED_FILE).read_text())
    assert data["exercises"]["weighted_sum"] == {"shown": 3, "of": 3}
    assert H.shown("other") == 0 and H.hints_shown("weighted_sum")[0] == "First `x` nudge."


def test_unknown_exercise_and_missing_file_say_what_was_given_and_expected(lesson, tmp_path_factory):
    with pytest.raises(H.HintError, match=r"no hints for exercise 'nope'.*\['other', 'weighted_sum'\]"):
        H.hint("nope")
    empty = tmp_path_factory.mktemp("empty")
    with pytest.raises(H.HintError, match="no hints.toml beside this notebook"):
        H.hint("weighted_sum", folder=empty)
    (empty / "hints.toml").write_text("[a\n")
    with pytest.raises(H.HintError, match="could not be read as TOML"):
        H.load_hints(empty)


def test_button_reveals_hints_one_by_one_and_a_new_kernel_shows_the_same_ones(lesson):
    w = H.hints("weighted_sum")
    assert w.button.description == "Show a hint (1 of 3)" and w.text.value == ""
    w.button.click()
    assert w.button.description == "Show a hint (2 of 3)"
    assert "Hint 1 of 3" in w.text.value and "Hint 2" not in w.text.value
    assert "<code>x</code>" in w.text.value
    w.button.click()
    assert "&lt;b&gt;pointer&lt;/b&gt;" in w.text.value  # hint text is escaped, never HTML
    again = H.hints("weighted_sum")  # a restarted kernel, the cell run again
    assert again.button.description == "Show a hint (3 of 3)" and again.text.value.count("nnlab-hint\"") == 2
    again.button.click()
    again.button.click()  # disabled: nothing more to show
    assert again.button.disabled and again.button.description == "All 3 hints shown"
    assert H.shown("weighted_sum") == 3


def test_no_widget_under_nbgrader_and_a_note_when_hints_are_missing(lesson, monkeypatch, capsys):
    assert H.hints("nope") is None
    assert "No hints for this exercise" in capsys.readouterr().out
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert H.hints("weighted_sum") is None
    assert not (lesson / H.USED_FILE).exists()


def _nb():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Exercise 1"),
                nbformat.v4.new_code_cell("def f(): pass"), nbformat.v4.new_code_cell("check(f)"),
                nbformat.v4.new_code_cell("def g(): pass"), nbformat.v4.new_code_cell("check(g)")]
    for cell, meta in zip(nb.cells[1:], [{"solution": True, "grade": False, "grade_id": "f"},
                                         {"solution": False, "grade": True, "grade_id": "f_tests", "points": 1},
                                         {"solution": True, "grade": False, "grade_id": "g x"},
                                         {"solution": False, "grade": True, "grade_id": "g_tests", "points": 1}]):
        cell.metadata["nbgrader"] = meta
    return nb


def test_student_version_gets_a_hint_cell_after_each_answer_cell_once():
    nb = _nb()
    assert H.add_hint_cells(nb) == 2
    kinds = [c.metadata.get("nbgrader", {}).get("grade_id") or c.metadata.get("tags") for c in nb.cells]
    assert kinds == [None, "f", [H.HINT_CELL_TAG], "f_tests", "g x", [H.HINT_CELL_TAG], "g_tests"]
    assert nb.cells[2].source.endswith("hints('f')") and nb.cells[5].source.endswith("hints('g x')")
    assert nb.cells[2]["id"] == "hints-f" and nb.cells[5]["id"] == "hints-g-x"
    assert H.add_hint_cells(nb) == 0 and len(nb.cells) == 7
    nbformat.validate(nb)


def test_grader_reads_hints_used_as_untrusted_input(tmp_path):
    good = {"version": 1, "exercises": {"f": {"shown": 2, "of": 3}, "g": {"shown": 9}, "h": {"shown": True},
                                        "i": {"shown": "3"}, "j": 4}}
    (tmp_path / "hints-used.json").write_text(json.dumps(good))
    assert hints_used.read(tmp_path) == {"f": 2, "g": 9}
    assert hints_used.read(tmp_path, {"f": 3, "g": 3}) == {"f": 2, "g": 3}  # clipped to the hints there are
    link = tmp_path / "link"
    link.mkdir()
    (link / "hints-used.json").symlink_to(tmp_path / "hints-used.json")
    assert hints_used.read(link) == {}  # never through a link
    big = tmp_path / "big"
    big.mkdir()
    (big / "hints-used.json").write_text(json.dumps({"exercises": {"f": {"shown": 1}}, "pad": "x" * 70_000}))
    assert hints_used.read(big) == {}
    for junk in ("[1, 2]", "{not json", "\xff\xfe", '{"exercises": []}'):
        (big / "hints-used.json").write_bytes(junk.encode("latin-1"))
        assert hints_used.read(big) == {}
    fifo = tmp_path / "fifo"
    fifo.mkdir()
    os.mkfifo(fifo / "hints-used.json")
    assert hints_used.read(fifo) == {}  # a pipe never blocks the grader
    dest = tmp_path / "dest"
    dest.mkdir()
    assert hints_used.copy_checked(tmp_path, dest)
    assert json.loads((dest / "hints-used.json").read_text()) == {"version": 1, "exercises": {
        "f": {"shown": 2}, "g": {"shown": 9}}}


def test_hint_penalty_is_off_unless_set_and_refuses_nonsense(monkeypatch):
    monkeypatch.delenv(hints_used.PENALTY_VAR, raising=False)
    assert hints_used.penalty_per_hint() == 0.0
    monkeypatch.setenv(hints_used.PENALTY_VAR, "0.5")
    assert hints_used.penalty_per_hint() == 0.5
    for bad in ("half", "-1"):
        monkeypatch.setenv(hints_used.PENALTY_VAR, bad)
        with pytest.raises(ValueError, match=f"NNLAB_HINT_PENALTY='{bad}'"):
            hints_used.penalty_per_hint()


def test_hint_cells_imports_are_not_guarded_bindings():
    """The grader's integrity check guards the lesson's imports (check_close, np, ...); a learner who names a
    variable `hint` must not be flagged for tampering, so the hint cells' imports are not among them."""
    import course

    nb = _nb()
    nb.cells.insert(0, nbformat.v4.new_code_cell("import numpy as np\nfrom labkit.checks import check_close"))
    H.add_hint_cells(nb)
    names = [b[0] for b in course.bindings_of(nb)]
    assert names == ["np", "check_close"], names
