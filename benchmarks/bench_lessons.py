"""Per-lesson figures: seconds to run each lesson top to bottom (solutions in), and
seconds for nbgrader to autograde it as a submission.

    .venv/bin/python benchmarks/bench_lessons.py [lesson ...]

Prints a table; the budget is 60 s per lesson on 2 CPU cores.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "grading"))

import course  # noqa: E402


def run_seconds(lesson: str) -> float:
    path = course.lesson_notebook(lesson)
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, kernel_name="python3", timeout=120, allow_errors=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - start


def autograde_seconds(lesson: str, root: Path) -> float:
    folder = root / "submitted" / "bench" / lesson
    shutil.copytree(course.NOTEBOOKS / lesson, folder)
    start = time.perf_counter()
    course.autograde(lesson, root=root)
    return time.perf_counter() - start


def main(names: list[str]) -> int:
    names = names or course.lessons()
    root = Path(tempfile.mkdtemp(prefix="nnlab-bench-"))
    t = time.perf_counter()
    course.release(names, root=root)
    release_s = time.perf_counter() - t
    print(f"release of {len(names)} lessons: {release_s:.1f} s")
    print(f"{'lesson':34s} {'run (s)':>8s} {'autograde (s)':>14s}  budget 60 s")
    for lesson in names:
        run = run_seconds(lesson)
        grade = autograde_seconds(lesson, root)
        flag = "ok" if run < 60 else "OVER BUDGET"
        print(f"{lesson:34s} {run:8.1f} {grade:14.1f}  {flag}", flush=True)
    shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
