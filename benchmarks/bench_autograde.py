"""Autograde throughput: a class of generated submissions of one lesson, 1 worker and N workers.

    .venv/bin/python benchmarks/bench_autograde.py [--lesson 00_welcome] [--students 50] [--workers 2]

Generates ``--students`` submissions of the lesson (a mix: the solution, the blank release,
and the solution with one answer blanked, in turn), grades the whole class through
``course.autograde_batch`` (one bubblewrap sandbox per submission, see grading/sandbox.py)
once with 1 worker and once with ``--workers``, each into a fresh course root, and prints
submissions per minute, the mean seconds per submission, and the sandbox's own overhead
(an empty notebook run through the same sandbox). A script that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "grading"))

import course  # noqa: E402
import sandbox  # noqa: E402
import selftest  # noqa: E402


def make_class(lesson: str, students: int, root: Path) -> list[tuple[str, str]]:
    course.release([lesson], root=root)
    source = nbformat.read(course.lesson_notebook(lesson), as_version=4)
    blank = nbformat.read(root / "release" / lesson / f"{lesson}.ipynb", as_version=4)
    half = nbformat.read(course.lesson_notebook(lesson), as_version=4)
    first = selftest.exercises(half)[0]
    half.cells[first.answer_index].source = blank.cells[first.answer_index].source
    kinds = [source, blank, half]
    jobs = []
    for i in range(students):
        student = f"student{i:03d}"
        folder = root / "submitted" / student / lesson
        folder.mkdir(parents=True)
        nbformat.write(kinds[i % len(kinds)], folder / f"{lesson}.ipynb")
        jobs.append((lesson, student))
    return jobs


def grade(lesson: str, students: int, workers: int, limits) -> tuple[float, list]:
    with tempfile.TemporaryDirectory(prefix="nnlab-bench-") as tmp:
        root = Path(tmp) / "course"
        jobs = make_class(lesson, students, root)
        start = time.perf_counter()
        verdicts = course.autograde_batch(jobs, root=root, workers=workers, limits=limits, progress=True)
        seconds = time.perf_counter() - start
    return seconds, verdicts


def sandbox_overhead(rounds: int = 3) -> float:
    nb = nbformat.writes(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]))
    times = []
    for _ in range(rounds):
        times.append(sandbox.run_notebook(nb, [], sandbox.Limits(), slot=0).seconds)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lesson", default="00_welcome")
    parser.add_argument("--students", type=int, default=50)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--cell-timeout", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    isolation = sandbox.detect()
    print(f"isolation: {isolation.describe()}")
    print(f"sandbox overhead (kernel start + integrity check + shutdown, 1-cell notebook): "
          f"{sandbox_overhead():.1f} s per submission")
    limits = sandbox.Limits(cell_timeout=args.cell_timeout)
    for workers in sorted({1, args.workers}):
        seconds, verdicts = grade(args.lesson, args.students, workers, limits)
        statuses = {}
        for v in verdicts:
            statuses[v.status] = statuses.get(v.status, 0) + 1
        print(f"{args.lesson}: {args.students} submissions, {workers} worker(s): {seconds:.0f} s, "
              f"{60 * args.students / seconds:.1f} submissions/minute, "
              f"mean {statistics.mean(v.seconds for v in verdicts):.1f} s in the sandbox per submission; {statuses}")


if __name__ == "__main__":
    main()
