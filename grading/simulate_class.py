"""A simulated class for trying the misconception report (and for the benchmark and its tests).

    python grading/simulate_class.py OUT LESSON [LESSON ...] [--students N] [--seed S]

Writes ``OUT/<student>/<lesson>/<lesson>.ipynb``, the layout ``course.py autograde`` reads. Each
student's notebook is the lesson's student version (``release``) with every answer filled in:
the solution, or for some exercises a wrong one, drawn (seeded) from

* the lesson's recorded wrong answers (``grading/wrong_answers/<lesson>/<exercise>/*.py``,
  shortcuts left out: they fail as shortcuts, not by behaviour), and
* systematic mutations of the solution (each a single change: an arithmetic operator swapped,
  a comparison loosened or tightened, a number moved by one), the mistakes nobody
  has recorded yet.

A mutation may still be right (an equivalent mutant); the grader decides, not this script.
"""

from __future__ import annotations

import argparse
import ast
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

GRADING = Path(__file__).resolve().parent
sys.path.insert(0, str(GRADING))

import course  # noqa: E402
import selftest  # noqa: E402

_MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$\n?", re.M)
_SWAP_BIN = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
             ast.Pow: ast.Mult}
_SWAP_CMP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
             ast.NotEq: ast.Eq}


def solution_source(cell_source: str) -> str:
    """A source answer cell without its solution markers: what a learner who got it right wrote."""
    return _MARKER.sub("", cell_source)


def mutants(source: str, limit: int = 8) -> list[tuple[str, str]]:
    """[(name, source)] of single-change mutations of ``source`` (at most ``limit``, in code order)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    sites = []
    for position, node in enumerate(ast.walk(tree)):
        if isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in _SWAP_BIN:
            sites.append(("op", position))
        elif isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _SWAP_CMP:
            sites.append(("cmp", position))
        elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
            sites.append(("const", position))
    out, seen = [], {ast.unparse(tree).strip()}
    for index, (kind, position) in enumerate(sites):
        copy = ast.parse(source)
        node = list(ast.walk(copy))[position]  # the same walk order: the same node
        if kind == "op":
            node.op = _SWAP_BIN[type(node.op)]()
        elif kind == "cmp":
            node.ops = [_SWAP_CMP[type(node.ops[0])]()]
        else:
            node.value = node.value + 1
        try:
            text = ast.unparse(copy)
        except Exception:
            continue
        if text.strip() not in seen:
            seen.add(text.strip())
            out.append((f"mutant_{kind}_{index}", text))
        if len(out) >= limit:
            break
    return out


@dataclass
class Answers:
    """The answers a simulated student can give to one exercise."""

    exercise: str
    solution: str
    recorded: dict[str, str] = field(default_factory=dict)   # name -> source
    mutated: dict[str, str] = field(default_factory=dict)


def answer_sets(lesson: str, mutations: int = 8) -> list[Answers]:
    source = nbformat.read(course.lesson_notebook(lesson), as_version=4)
    recorded = selftest.wrong_answers(lesson)
    sets = []
    for cell in source.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("solution") or meta.get("grade"):
            continue
        gid = meta["grade_id"]
        solution = solution_source(cell.source)
        wrong = {name: text for name, text in recorded.get(gid, {}).items() if not name.startswith("shortcut_")}
        sets.append(Answers(gid, solution, wrong, dict(mutants(solution, mutations))))
    return sets


def fill(base: nbformat.NotebookNode, sets: dict[str, Answers], choice: dict[str, str]) -> nbformat.NotebookNode:
    """A copy of the student version ``base`` with each exercise answered as ``choice`` says
    ("solution", "recorded:<name>", "mutant:<name>" or "blank": left as released)."""
    nb = nbformat.from_dict(base)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.cell_type == "code" and gid in choice and cell.metadata["nbgrader"].get("solution"):
            kind, _, name = choice[gid].partition(":")
            a = sets[gid]
            if kind == "solution":
                cell.source = a.solution
            elif kind in ("recorded", "mutant"):
                cell.source = (a.recorded if kind == "recorded" else a.mutated)[name]
    return nb


def write_submission(out: Path, student: str, lesson: str, nb: nbformat.NotebookNode) -> Path:
    folder = Path(out) / student / lesson
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{lesson}.ipynb")
    return folder / f"{lesson}.ipynb"


def write_class(out: Path, lessons: list[str], students: int = 20, seed: int = 0, right_share: float = 0.4,
                release_root: Path | None = None, mutations: int = 8) -> dict[tuple[str, str], dict[str, str]]:
    """Write the class; returns {(student, lesson): {exercise: "solution" | "recorded:<name>" | "mutant:<name>"}}."""
    rng = random.Random(seed)
    out = Path(out)
    release_root = Path(release_root) if release_root else out.parent / "simulated-release"
    course.release(lessons, root=release_root)
    plan: dict[tuple[str, str], dict[str, str]] = {}
    for lesson in lessons:
        base = nbformat.read(release_root / "release" / lesson / f"{lesson}.ipynb", as_version=4)
        sets = {a.exercise: a for a in answer_sets(lesson, mutations)}
        # Every recorded wrong answer and every mutant is given by some student before any repeats.
        pool = [(a.exercise, "recorded", n) for a in sets.values() for n in a.recorded] + \
               [(a.exercise, "mutant", n) for a in sets.values() for n in a.mutated]
        rng.shuffle(pool)
        for k in range(students):
            student = f"student{k + 1:03d}"
            choice: dict[str, str] = {gid: "solution" for gid in sets}
            if k > 0:  # student001 hands in the solution
                for gid in sets:
                    if rng.random() >= right_share:
                        options = [p for p in pool if p[0] == gid]
                        if options:
                            pick = options[k % len(options)] if k < len(pool) else rng.choice(options)
                            choice[gid] = f"{pick[1]}:{pick[2]}"
            write_submission(out, student, lesson, fill(base, sets, choice))
            plan[(student, lesson)] = choice
    return plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("lessons", nargs="+")
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    unknown = sorted(set(args.lessons) - set(course.lessons()))
    if unknown:
        parser.error(f"not lessons: {unknown}; expected names from `python grading/course.py lessons`")
    plan = write_class(args.out, args.lessons, args.students, args.seed)
    print(f"wrote {len(plan)} submissions to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
