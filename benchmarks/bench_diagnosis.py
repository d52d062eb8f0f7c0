"""How much of a class's failing work the diagnosis recognises, and what the report costs.

    .venv/bin/python benchmarks/bench_diagnosis.py [--lessons 00_welcome 01_artificial_neuron ...]
                                                  [--students 30] [--workers 2] [--seed 0]

Grades a simulated class (grading/simulate_class.py: per lesson, one student hands in the
solution, the others answer each exercise with the solution or, about 60 % of the time, a recorded
wrong answer or a single-change mutation of the solution, every recorded answer and mutant used
before any repeats) with ``grading/course.py autograde`` in the sandbox, in a temporary course
folder, then builds the misconception report. Prints:

* the share of failing answers (an exercise whose tests did not all pass) that get a diagnosis
  (a recognised mistake), overall and for recorded wrong answers and mutants separately;
* the right answers diagnosed as a mistake (must be 0 where every earlier answer is right; after a
  wrong earlier answer that the exercise calls, a right answer can fail and even look like a mistake:
  counted apart as knock-on);
* the number of unrecognised groups (identical behaviour, no recorded mistake) and their sizes;
* the report's build time (HTML with plots + CSV) per 100 submissions.

Needs each lesson's mistakes table (``grading/mistakes.py build LESSON``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "grading"))

import course  # noqa: E402
import report  # noqa: E402
import simulate_class  # noqa: E402

DEFAULT_LESSONS = ["00_welcome", "01_artificial_neuron", "02_activation_functions"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lessons", nargs="+", default=DEFAULT_LESSONS)
    parser.add_argument("--students", type=int, default=30, help="students per lesson")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, default=None, help="keep the course folder here (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: reuse the class autograded there (same lessons, students, seed)")
    args = parser.parse_args(argv)
    missing = [l for l in args.lessons if not (REPO / "labkit" / "exercises" / "mistakes" / f"{l}.json").exists()]
    if missing:
        print(f"no mistakes table for {missing}: run `.venv/bin/python grading/mistakes.py build {' '.join(missing)}`",
              file=sys.stderr)
        return 1
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="bench-diagnosis-"))
    root, submitted = tmp / "course", tmp / "submitted"
    plan = simulate_class.write_class(submitted, args.lessons, args.students, args.seed, release_root=tmp / "sim")
    start = time.perf_counter()
    reuse = args.reuse and args.keep and (root / "autograded").is_dir()
    proc = subprocess.run([sys.executable, str(REPO / "grading" / "course.py"), "--root", str(root), "autograde",
                           str(submitted), "--workers", str(args.workers)], capture_output=True, text=True) \
        if not reuse else subprocess.CompletedProcess([], 0, "", "")
    grade_s = time.perf_counter() - start
    if proc.returncode != 0:
        print(proc.stdout[-3000:], proc.stderr[-3000:], file=sys.stderr)
        return 1
    start = time.perf_counter()
    built = report.build(root, args.lessons)
    build_s = time.perf_counter() - start
    outcomes = {(o.student, o.lesson, o.exercise): o for o in built["outcomes"]}

    tally: Counter = Counter()
    for (student, lesson), choice in plan.items():
        earlier_wrong = False  # an earlier answer of the lesson is wrong: later exercises may use it
        for exercise, answer in choice.items():  # in notebook order
            o = outcomes.get((student, lesson, exercise))
            source = answer.partition(":")[0]
            if o is None:
                tally["missing"] += 1
            elif source == "solution":
                where = "right after wrong" if earlier_wrong else "right"
                tally[where] += 1
                tally[f"{where} diagnosed"] += o.kind == "mistake"
                tally[f"{where} failed"] += not o.passed
            earlier_wrong = earlier_wrong or source != "solution"
            if o is None or source == "solution":
                continue
            if o.passed:
                tally[f"{source} passed"] += 1  # an equivalent mutant, or a mistake the checks miss
                continue
            tally[f"{source} failed"] += 1
            tally[f"{source} diagnosed"] += o.kind == "mistake"
            tally[f"{source} {o.kind}"] += 1
    failed = tally["recorded failed"] + tally["mutant failed"]
    diagnosed = tally["recorded diagnosed"] + tally["mutant diagnosed"]
    unknown = [g for r in built["reports"] for g in r.groups if g.kind == "unknown"]
    submissions = len(plan)

    def share(n: int, d: int) -> str:
        return f"{n}/{d} = {100 * n / d:.1f} %" if d else "n/a"

    print(f"simulated class: {submissions} submissions ({args.students} students x {len(args.lessons)} lessons: "
          f"{', '.join(args.lessons)}), {sum(len(c) for c in plan.values())} answers; "
          + (f"autograded before, reused from {root}" if reuse else f"autograde {grade_s:.0f} s with {args.workers} workers"))
    print(f"failing answers diagnosed:            {share(diagnosed, failed)}")
    print(f"  recorded wrong answers diagnosed:   {share(tally['recorded diagnosed'], tally['recorded failed'])}"
          f"  (others: {tally['recorded unknown']} unrecognised behaviour, {tally['recorded error']} error without "
          f"a check's verdict, e.g. a bare assert in a hidden test; {tally['recorded passed']} passed)")
    print(f"  mutants of the solution diagnosed:  {share(tally['mutant diagnosed'], tally['mutant failed'])}"
          f"  ({tally['mutant unknown']} unrecognised, {tally['mutant error']} errors; "
          f"{tally['mutant passed']} mutants passed: equivalent or not caught)")
    print(f"right answers diagnosed as a mistake: {tally['right diagnosed']} of {tally['right']} "
          f"(failing: {tally['right failed']}), where every earlier answer of the lesson is right too")
    print(f"  knock-on: right answers after a wrong earlier answer: {tally['right after wrong']}, failing "
          f"{tally['right after wrong failed']} (the exercise uses the wrong function), diagnosed as a mistake "
          f"{tally['right after wrong diagnosed']}")
    print(f"unrecognised groups:                  {len(unknown)} (sizes: "
          f"{', '.join(str(g.count) for g in sorted(unknown, key=lambda g: -g.count)[:15])}"
          f"{', ...' if len(unknown) > 15 else ''})")
    print(f"report build (HTML with plots + CSV): {build_s:.2f} s for {submissions} submissions = "
          f"{100 * build_s / submissions:.2f} s per 100 submissions")
    print(f"report: {built['html']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
