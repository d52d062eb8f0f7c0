"""Lint of the hints (issue 23): every exercise of every lesson has two or three hints in its lesson's
hints.toml, and no line of the exercise's solution region is copied into them.

A "line of a solution region" is a line between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` of an
answer cell, stripped, its comment dropped, of at least MIN_LINE characters (shorter lines such as
``return x`` are ordinary words, not the answer).
"""

from __future__ import annotations

import re
import tomllib

import nbformat
import pytest

import course

MIN_LINE = 12
LESSONS = course.lessons()


def _exercises(lesson: str) -> dict[str, list[str]]:
    """{answer grade_id: [solution lines]} of a lesson's autograded exercises."""
    nb = nbformat.read(course.lesson_notebook(lesson), as_version=4)
    out = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("solution") or meta.get("grade"):
            continue
        region = re.findall(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", cell.source, re.S)
        lines = [re.sub(r"\s+#.*$", "", line).strip() for block in region for line in block.splitlines()]
        out[meta["grade_id"]] = [line for line in lines if len(line) >= MIN_LINE and not line.startswith("#")]
    return out


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_exercise_has_two_or_three_hints_without_solution_lines(lesson):
    exercises = _exercises(lesson)
    if not exercises:
        pytest.skip(f"{lesson} has no autograded exercise")
    path = course.NOTEBOOKS / lesson / "hints.toml"
    assert path.exists(), f"{lesson}: no hints.toml; expected one with 2-3 hints for each of {sorted(exercises)}"
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    problems = []
    for grade_id, solution in exercises.items():
        items = table.get(grade_id, {}).get("hints")
        if not isinstance(items, list) or not 2 <= len(items) <= 3 or not all(isinstance(h, str) and h.strip()
                                                                            for h in items):
            problems.append(f"[{grade_id}] has {items!r}; expected `hints = [...]` with 2 or 3 non-empty strings")
            continue
        text = "\n".join(items)
        problems += [f"[{grade_id}] quotes the solution line {line!r}" for line in solution if line in text]
    unknown = sorted(set(table) - set(exercises))
    if unknown:
        problems.append(f"tables for no exercise of the lesson: {unknown}; expected answer grade ids {sorted(exercises)}")
    assert not problems, f"{path}:\n" + "\n".join(problems)


def test_the_lint_catches_a_copied_solution_line():
    """The check above can fail: a solution line of lesson 00 copied into a hint is found."""
    solution = _exercises("00_welcome")["dot"]
    assert solution, "lesson 00's dot has no solution line long enough to check"
    assert any(line in f"Try this: {solution[0]}" for line in solution)
