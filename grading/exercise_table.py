"""Print, per lesson, each exercise, its points and what its answer may use (a Markdown table).

    .venv/bin/python grading/exercise_table.py            # every lesson
    .venv/bin/python grading/exercise_table.py 10 13      # lessons whose folder starts with 10, 13

Read from the source notebooks: the points of each exercise's graded cells and the ``allow=`` /
``exclude=`` of its ``own_work`` calls (see labkit/exercises/allowlist.py). "—" marks an exercise
without ``own_work`` (nothing a library implements: a number to predict, a decision, a count).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import course  # noqa: E402
import selftest  # noqa: E402

from labkit.exercises.allowlist import DEFAULT_ALLOWED, TORCH_TENSOR_MATH  # noqa: E402


def describe(entry: dict[str, list[str]]) -> str:
    allow = list(entry["allow"])
    words = []
    if set(TORCH_TENSOR_MATH) <= set(allow):
        words.append("torch tensor math (TORCH_TENSOR_MATH)")
        allow = [a for a in allow if a not in TORCH_TENSOR_MATH]
    words.extend(f"`{a}`" for a in allow)
    text = "defaults" + (" + " + ", ".join(words) if words else "")
    if entry["exclude"]:
        text += "; not " + ", ".join(f"`{e}`" for e in entry["exclude"])
    return text


def table(prefixes: list[str]) -> str:
    rows = [f"Defaults for every exercise: {DEFAULT_ALLOWED}.", "",
            "| lesson | exercise | points | the answer may use |", "| --- | --- | --- | --- |"]
    total_points = total_exercises = guarded = 0
    for lesson in course.lessons():
        if prefixes and not lesson.startswith(tuple(prefixes)):
            continue
        nb = nbformat.read(course.lesson_notebook(lesson), as_version=4)
        guards = selftest.guarded_exercises(nb)
        for exercise in selftest.exercises(nb):
            entry = guards.get(exercise.grade_id)
            rows.append(f"| {lesson[:2]} | `{exercise.grade_id}` | {exercise.points:g} | "
                        f"{describe(entry) if entry else '—'} |")
            total_points += exercise.points
            total_exercises += 1
            guarded += entry is not None
    rows += ["", f"{total_exercises} autograded exercises, {total_points:g} points; {guarded} guarded by an allow-list."]
    return "\n".join(rows)


if __name__ == "__main__":
    print(table(sys.argv[1:]))
