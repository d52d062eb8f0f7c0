"""Per-lesson figures: seconds to run each lesson top to bottom (solutions in) next to
seconds for nbgrader to autograde it as a submission, and their ratio.

    .venv/bin/python benchmarks/bench_lessons.py [--repeat N] [lesson ...]

Run: nbclient executes the lesson in a fresh kernel (what `make lab`'s "Run all"
does, minus the browser). Autograde: ``grading/course.py``'s autograde of the
lesson submitted by one student, solutions in (regraded each time): the sandbox,
the grader's integrity probes, the same execution in a fresh kernel, and the
gradebook. "extra" is autograde minus run, the grader's overhead; a stall (issue
16: the run waits a whole cell timeout, 60 s, after a widget cell) shows as an
extra of a minute or more and a ratio far above 1. "max gap" is the longest wait
between one cell's reply and the next cell's start in the autograded notebook's
execution timestamps, flagged STALL above 5 s; "n/a" when the grader does not
record timings. With ``--repeat N`` each lesson is run and autograded N times (a
stall is intermittent); the table shows each repetition.

The budget is 60 s per lesson run on 2 CPU cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
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

BUDGET_S = 60.0
STALL_S = 5.0  # a gap between cells longer than this is a stall, not bookkeeping
STUDENT = "bench"


def run_seconds(lesson: str) -> float:
    path = course.lesson_notebook(lesson)
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, kernel_name="python3", timeout=120, allow_errors=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - start


def autograde_seconds(lesson: str, root: Path) -> float:
    folder = root / "submitted" / STUDENT / lesson
    if not folder.exists():
        shutil.copytree(course.NOTEBOOKS / lesson, folder)
    start = time.perf_counter()
    failed = course.autograde(lesson, root=root, student=STUDENT, force=True)
    seconds = time.perf_counter() - start
    if failed:
        raise RuntimeError(f"nbgrader could not grade {lesson}")
    return seconds


def _time(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def max_gap(nb: nbformat.NotebookNode) -> tuple[float | None, str]:
    """The longest wait between a cell's end (reply and idle status) and the next cell's start (None: no timings)."""
    worst, where, previous = None, "", None
    for index, cell in enumerate(nb.cells):
        times = cell.get("metadata", {}).get("execution") or {}
        if cell.cell_type != "code" or "iopub.execute_input" not in times:
            continue
        start = _time(times["iopub.execute_input"])
        ends = [_time(times[k]) for k in ("iopub.status.idle", "shell.execute_reply") if k in times]
        gaps = [((start - previous[1]).total_seconds(), f"before cell {index}")] if previous else []
        if len(ends) == 2:
            gaps.append((abs((ends[1] - ends[0]).total_seconds()), f"reply of cell {index}"))
        for gap, label in gaps:
            if worst is None or gap > worst:
                worst, where = gap, label
        if ends:
            previous = (index, max(ends))
    return worst, where


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=1, help="runs and autogrades per lesson (default 1)")
    parser.add_argument("lessons", nargs="*", help="default: every lesson")
    args = parser.parse_args(argv)
    names = args.lessons or course.lessons()
    root = Path(tempfile.mkdtemp(prefix="nnlab-bench-"))
    try:
        t = time.perf_counter()
        course.release(names, root=root)
        print(f"release of {len(names)} lessons: {time.perf_counter() - t:.1f} s")
        print(f"{'lesson':30s} {'run (s)':>8s} {'autograde (s)':>14s} {'extra (s)':>10s} {'ratio':>6s} {'max gap (s)':>12s}  "
              f"flags (budget {BUDGET_S:.0f} s, stall > {STALL_S:.0f} s)")
        stalls = 0
        for lesson in names:
            for _ in range(args.repeat):
                run = run_seconds(lesson)
                grade = autograde_seconds(lesson, root)
                graded = nbformat.read(root / "autograded" / STUDENT / lesson / f"{lesson}.ipynb", as_version=4)
                gap, where = max_gap(graded)
                stalled = gap is not None and gap > STALL_S
                flags = [f"STALL {where}"] if stalled else []
                flags += ["OVER BUDGET"] if run > BUDGET_S else []
                stalls += stalled
                shown = "n/a" if gap is None else f"{gap:.2f}"
                print(f"{lesson:30s} {run:8.1f} {grade:14.1f} {grade - run:10.1f} {grade / run:6.2f} {shown:>12s}  "
                      f"{', '.join(flags) or 'ok'}", flush=True)
        print(f"{stalls} stalls seen in the autograded notebooks' timings")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
