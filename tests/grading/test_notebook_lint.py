"""Static checks of every lesson notebook: clean outputs, valid nbgrader metadata, lesson template."""

from __future__ import annotations

import re

import nbformat
import pytest

import course
import selftest

LESSONS = course.lessons()


def _load(lesson):
    return nbformat.read(course.lesson_notebook(lesson), as_version=4)


def test_there_are_lessons():
    assert "00_welcome" in LESSONS and "01_artificial_neuron" in LESSONS, LESSONS


@pytest.mark.parametrize("lesson", LESSONS)
def test_valid_notebook_with_python3_kernel(lesson):
    nb = _load(lesson)
    nbformat.validate(nb)
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3", (
        f"{lesson}: kernelspec is {nb.metadata.get('kernelspec')}, expected name 'python3'")


@pytest.mark.parametrize("lesson", LESSONS)
def test_outputs_cleared(lesson):
    dirty = [i for i, c in enumerate(_load(lesson).cells)
             if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)]
    assert not dirty, f"{lesson}: cells {dirty} have outputs or execution counts; clear them before committing"


@pytest.mark.parametrize("lesson", LESSONS)
def test_nbgrader_metadata(lesson):
    nb = _load(lesson)
    ids = []
    problems = []
    for i, cell in enumerate(nb.cells):
        meta = cell.metadata.get("nbgrader")
        src = cell.source
        has_solution_region = "BEGIN SOLUTION" in src or "END SOLUTION" in src
        has_hidden = "BEGIN HIDDEN TESTS" in src or "END HIDDEN TESTS" in src
        if meta is None:
            if has_solution_region or has_hidden:
                problems.append(f"cell {i}: solution/hidden-test markers outside an nbgrader cell")
            continue
        ids.append(meta.get("grade_id"))
        if not meta.get("grade_id"):
            problems.append(f"cell {i}: nbgrader cell without grade_id")
        if has_solution_region and not meta.get("solution"):
            problems.append(f"cell {i} ({meta.get('grade_id')}): solution region in a cell that is not a solution cell")
        if src.count("BEGIN SOLUTION") != src.count("END SOLUTION"):
            problems.append(f"cell {i}: unbalanced BEGIN/END SOLUTION")
        if src.count("BEGIN HIDDEN TESTS") != src.count("END HIDDEN TESTS"):
            problems.append(f"cell {i}: unbalanced BEGIN/END HIDDEN TESTS")
        if has_hidden and not (meta.get("grade") and not meta.get("solution")):
            problems.append(f"cell {i}: hidden tests outside an autograded test cell")
        if meta.get("grade"):
            if not float(meta.get("points", 0)) > 0:
                problems.append(f"cell {i} ({meta['grade_id']}): graded cell without points")
            if not meta.get("solution") and not meta.get("locked"):
                problems.append(f"cell {i} ({meta['grade_id']}): test cell is not locked")
        if meta.get("solution") and not meta.get("grade") and cell.cell_type == "code" and "BEGIN SOLUTION" not in src:
            problems.append(f"cell {i} ({meta['grade_id']}): solution cell without a BEGIN SOLUTION region")
    dupes = sorted({g for g in ids if ids.count(g) > 1})
    if dupes:
        problems.append(f"duplicate grade_ids {dupes}")
    assert not problems, f"{lesson}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_answer_has_checks_and_three_wrong_answers(lesson):
    nb = _load(lesson)
    answers = [c.metadata["nbgrader"]["grade_id"] for c in nb.cells
               if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")
               and not c.metadata["nbgrader"].get("grade")]
    graded = {e.grade_id for e in selftest.exercises(nb)}
    recorded = selftest.wrong_answers(lesson)
    problems = [f"answer cell {a!r} has no check cell after it" for a in answers if a not in graded]
    problems += [f"exercise {g!r} has {len(recorded.get(g, {}))} recorded wrong answers, needs at least 3 "
                 f"(grading/wrong_answers/{lesson}/{g}/<mistake>.py)" for g in sorted(graded) if len(recorded.get(g, {})) < 3]
    problems += [f"grading/wrong_answers/{lesson}/{g}/ matches no answer cell" for g in recorded if g not in graded]
    assert not problems, f"{lesson}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_template_sections(lesson):
    nb = _load(lesson)
    headings = [line.strip("# ").lower() for c in nb.cells if c.cell_type == "markdown"
                for line in c.source.splitlines() if line.startswith("#")]
    assert any("learning objectives" in h for h in headings), f"{lesson}: no 'Learning objectives' heading"
    assert any(h.startswith("summary") for h in headings), f"{lesson}: no 'Summary' heading"
    assert any("check your understanding" in h for h in headings), f"{lesson}: no 'Check your understanding' heading"


@pytest.mark.parametrize("lesson", [l for l in LESSONS if not l.startswith("00")])
def test_lesson_uses_a_widget(lesson):
    code = "\n".join(c.source for c in _load(lesson).cells if c.cell_type == "code")
    assert re.search(r"labkit\.widgets|ipywidgets|interact\(", code), (
        f"{lesson}: no widget used (import one from labkit.widgets)")


@pytest.mark.parametrize("lesson", LESSONS)
def test_exercise_guards_are_allow_lists(lesson):
    """Every own_work says what the answer may reach (allow=, exclude=); none keeps a forbid list."""
    guarded = selftest.guarded_exercises(_load(lesson))
    with_forbid = {gid: entry["forbid"] for gid, entry in guarded.items() if entry["forbid"]}
    assert not with_forbid, (f"{lesson}: own_work(..., forbid=[...]) only holds the routes its author thought of; "
                             f"say what the answer may use (allow=, exclude=) instead: {with_forbid}")


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_no_shortcut_exercise_has_a_recorded_shortcut(lesson):
    """Each exercise whose checks forbid library pieces has a wrong answer that calls the library,
    and each recorded shortcut belongs to an exercise that forbids something."""
    forbidden = selftest.guarded_exercises(_load(lesson))
    recorded = selftest.wrong_answers(lesson)
    missing = [g for g in forbidden
               if not any(m.startswith(selftest.SHORTCUT_PREFIX) for m in recorded.get(g, {}))]
    assert not missing, (f"{lesson}: exercises {missing} forbid library pieces but have no recorded wrong answer "
                         f"grading/wrong_answers/{lesson}/<id>/{selftest.SHORTCUT_PREFIX}<what>.py that calls them")
    unguarded = [f"{g}/{m}" for g, per in recorded.items() for m in per
                 if m.startswith(selftest.SHORTCUT_PREFIX) and g not in forbidden]
    assert not unguarded, f"{lesson}: shortcut answers for exercises whose checks use no own_work: {unguarded}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_recorded_mistake_explains_itself(lesson):
    """Each recorded wrong answer starts with '# mistake:', '# why:', '# hint:' (grading/mistakes.py):
    what a learner whose answer behaves the same way is told."""
    import mistakes

    recorded = selftest.wrong_answers(lesson)
    bare = [f"{gid}/{name}" for gid, per in recorded.items() for name, text in per.items()
            if mistakes.VARIANT not in name and mistakes.header(text) is None]
    assert not bare, (f"{lesson}: recorded wrong answers without the three header lines "
                      f"(# mistake: / # why: / # hint:): {bare}")
    orphans = [f"{gid}/{name}" for gid, per in recorded.items() for name in per
               if mistakes.VARIANT in name and mistakes.base_name(name) not in per]
    assert not orphans, f"{lesson}: variants of a mistake that is not recorded: {orphans}"
