"""What a lesson's student version carries besides its cells: run-all tags and the exercise map.

Two things are added where the student version is made (``nbgrader generate_assignment``, which
``make release`` and ``make lab``'s workspace copy run; see :class:`StudentVersion`):

* every answer cell and every test cell is tagged ``raises-exception``, so that JupyterLab's
  *Run All* goes on past an unfinished exercise (its cell stays red) and the learner sees every
  plot and widget of the lesson before writing any code; so is every other cell that reads a
  name an exercise defines (a demo that calls the learner's function: it stays red, naming the
  exercise, until the exercise is done, unless it uses labkit's reference until then through
  :func:`labkit.exercises.fallback.yours_or_reference`);
* ``metadata["nnlab"]["exercises"]``, a map from each exercise to the names its answer cell
  defines (assignments, ``def``, ``class``, imports; read with ``ast`` from the source, before
  the solutions are cleared: names only, never code), and the names that later cells compute
  from them. The exception renderer (:mod:`labkit.exercises.feedback`) reads it to say which
  exercise a missing name comes from; :func:`labkit.exercises.fallback.yours_or_reference` reads
  it to know whether an exercise's checks have passed.

    {"exercises": [{"grade_id": "metrics_by_group", "title": "Exercise 1 · Metrics by group",
                    "cell": 12, "answer_cell_id": "cell-011", "test_cell_ids": ["cell-012"],
                    "names": ["metrics_by_group"]}, ...],
     "computed": {"imitator_table": {"exercises": ["metrics_by_group"], "cell": 14}, ...},
     "cells": 58}
"""

from __future__ import annotations

import ast
import re
from typing import Any, Iterable

RUN_PAST_TAG = "raises-exception"
_MAGIC = re.compile(r"^\s*[%!].*$", re.MULTILINE)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)


def _tree(source: str) -> ast.Module | None:
    try:
        return ast.parse(_MAGIC.sub("", source))
    except SyntaxError:
        return None


def _targets(node: ast.AST) -> Iterable[str]:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            yield sub.id


def defined_names(source: str) -> list[str]:
    """Names a cell binds at the top level: assignments, for/with targets, def, class, imports."""
    tree = _tree(source)
    if tree is None:
        return []
    names: list[str] = []

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.append(node.name)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    names.extend(_targets(target))
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
                names.extend(_targets(node.target))
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names.extend((a.asname or a.name).split(".")[0] for a in node.names if a.name != "*")
            elif isinstance(node, (ast.For, ast.AsyncFor)):
                names.extend(_targets(node.target))
                visit(node.body + node.orelse)
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                for item in node.items:
                    if item.optional_vars is not None:
                        names.extend(_targets(item.optional_vars))
                visit(node.body)
            elif isinstance(node, ast.If):
                visit(node.body + node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body + node.orelse + node.finalbody)
                for handler in node.handlers:
                    visit(handler.body)
    visit(tree.body)
    return list(dict.fromkeys(names))


def used_names(source: str) -> set[str]:
    """Names a cell reads."""
    tree = _tree(source)
    return set() if tree is None else {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)
                                       and isinstance(n.ctx, ast.Load)}


def _nbgrader(cell: Any) -> dict:
    return (cell.get("metadata") or {}).get("nbgrader") or {}


def _title(markdown: str) -> str | None:
    headings = _HEADING.findall(markdown)
    if not headings:
        return None
    title = re.sub(r"\s*\([^()]*\bpoints?\b[^()]*\)\s*$", "", headings[-1])  # "(3 points)"
    return title.replace("**", "").replace("`", "").strip() or None


def exercise_map(nb: Any) -> dict:
    """The exercise map of a *source* notebook (its solution cells still in place)."""
    exercises: list[dict] = []
    owner: dict[str, int] = {}          # name -> index in exercises, for names an answer defines
    computed: dict[str, dict] = {}      # name -> {"exercise", "cell"}, for names later cells derive
    dependent: list[str] = []           # ids of other code cells that read what an exercise defines
    title = None
    for position, cell in enumerate(nb["cells"], start=1):
        meta = _nbgrader(cell)
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(source)
        if cell.get("cell_type") == "markdown":
            title = _title(source) or title
            continue
        if cell.get("cell_type") != "code":
            continue
        if meta.get("solution"):
            names = defined_names(source)
            exercises.append({"grade_id": meta.get("grade_id", ""), "title": title or meta.get("grade_id", ""),
                              "cell": position, "answer_cell_id": cell.get("id"), "test_cell_ids": [],
                              "names": names})
            for name in names:
                owner[name] = len(exercises) - 1
                computed.pop(name, None)
        elif meta.get("grade"):
            if exercises:
                exercises[-1]["test_cell_ids"].append(cell.get("id"))
                for name in defined_names(source):  # what a test cell leaves for later cells (10's `cnn`)
                    if not name.startswith("_"):
                        computed[name] = {"from": [len(exercises) - 1], "cell": position}
        else:
            used = used_names(source)
            sources = {owner[n] for n in used if n in owner}
            sources |= {i for n in used if n in computed for i in computed[n]["from"]}
            if sources and cell.get("id"):
                dependent.append(cell.get("id"))
            for name in defined_names(source):
                if sources:
                    computed[name] = {"from": sorted(sources), "cell": position}
                else:
                    computed.pop(name, None)
                    owner.pop(name, None)
    for name, derived in computed.items():
        derived["exercises"] = [exercises[i]["grade_id"] for i in derived.pop("from")]
    return {"exercises": exercises, "computed": computed, "dependent_cell_ids": dependent, "cells": len(nb["cells"])}


def tag_student_cells(nb: Any, dependent: Iterable[str] = ()) -> int:
    """Tag every answer and test code cell, and the cells in ``dependent`` (ids), ``raises-exception``.

    A demo cell that calls the learner's function (and does not pick labkit's reference with
    :func:`labkit.exercises.fallback.yours_or_reference`) fails until the exercise is done; its tag
    keeps Run All going past it, red, with a message that names the exercise. Returns how many
    cells were tagged.
    """
    dependent = set(dependent)
    tagged = 0
    for cell in nb["cells"]:
        meta = _nbgrader(cell)
        exercise_cell = meta.get("solution") or meta.get("grade") or cell.get("id") in dependent
        if cell.get("cell_type") != "code" or not exercise_cell:
            continue
        tags = cell.setdefault("metadata", {}).setdefault("tags", [])
        if RUN_PAST_TAG not in tags:
            tags.append(RUN_PAST_TAG)
            tagged += 1
    return tagged


def make_student_version(nb: Any) -> Any:
    """Add the run-all tags and the exercise map to ``nb`` (the source, before solutions are cleared)."""
    found = exercise_map(nb)
    nb["metadata"].setdefault("nnlab", {})["exercises"] = found
    tag_student_cells(nb, found["dependent_cell_ids"])
    return nb


try:  # nbgrader is in the lab's environment; labkit itself does not need it
    from nbgrader.preprocessors import NbGraderPreprocessor as _Preprocessor
except ImportError:  # pragma: no cover
    _Preprocessor = None

if _Preprocessor is not None:
    class StudentVersion(_Preprocessor):
        """nbgrader preprocessor (``GenerateAssignment.preprocessors``, placed before ``ClearSolutions``):
        tags answer and test cells ``raises-exception`` and stores the exercise map."""

        def preprocess(self, nb, resources):
            return make_student_version(nb), resources
