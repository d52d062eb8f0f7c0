"""The course's grading commands, wrapping nbgrader.

    python grading/course.py release                  # student release of every lesson
    python grading/course.py autograde SUBMITTED_DIR  # SUBMITTED_DIR/<student>/<lesson>/<lesson>.ipynb
    python grading/course.py feedback                 # feedback HTML (hidden tests stripped)
    python grading/course.py export grades.csv        # one row per student and lesson
    python grading/course.py workspace DEST [--source]  # the learner's copy (never overwrites)

Everything nbgrader writes lives in the course root (default grading/course/,
``--root`` to move it), including its SQLite gradebook ``gradebook.db``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

GRADING = Path(__file__).resolve().parent
REPO = GRADING.parent
NOTEBOOKS = REPO / "notebooks"
DEFAULT_ROOT = GRADING / "course"
LESSON_NAME = re.compile(r"^\d\d_[a-z0-9_]+$")


class GradingError(RuntimeError):
    """An nbgrader step failed; the message carries its output."""


def lessons() -> list[str]:
    """Every lesson folder ``notebooks/NN_topic`` that holds ``NN_topic.ipynb``, in course order."""
    return sorted(p.name for p in NOTEBOOKS.iterdir()
                  if p.is_dir() and LESSON_NAME.match(p.name) and (p / f"{p.name}.ipynb").exists())


def lesson_notebook(lesson: str) -> Path:
    return NOTEBOOKS / lesson / f"{lesson}.ipynb"


def nbgrader(*args: str, root: Path = DEFAULT_ROOT, timeout: int | None = None,
             cell_timeout: int | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``nbgrader ARGS`` with the course configuration and the given course root."""
    root = Path(root).resolve()
    root.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "nbgrader", *args, f"--CourseDirectory.root={root}"]
    if cell_timeout is not None:
        cmd.append(f"--Execute.timeout={int(cell_timeout)}")
    # nbgrader runs `alembic` (and the kernel) from PATH: put this environment's bin first.
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    proc = subprocess.run(cmd, cwd=GRADING, capture_output=True, text=True, timeout=timeout, env=env)
    if check and proc.returncode != 0:
        raise GradingError(f"`nbgrader {' '.join(args)}` failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def release(names: list[str] | None = None, root: Path = DEFAULT_ROOT) -> Path:
    """Generate the student version of each lesson (default: all) into ``root/release/<lesson>/``.

    Also records each lesson as an assignment in the gradebook. All lessons go in
    one nbgrader run (nbgrader globs ``*``), which is much faster than one run each.
    """
    if names is None or set(names) >= set(lessons()):
        nbgrader("generate_assignment", "*", "--force", root=root)
    else:
        for name in names:
            nbgrader("generate_assignment", name, "--force", root=root)
    return Path(root) / "release"


def collect(submitted: Path, root: Path = DEFAULT_ROOT) -> dict[str, list[str]]:
    """Copy ``submitted/<student>/<lesson>/`` into the course root; return {lesson: [students]}."""
    submitted = Path(submitted).resolve()
    if not submitted.is_dir():
        raise FileNotFoundError(f"no submissions folder at {submitted}; expected <student>/<lesson>/<lesson>.ipynb inside")
    dest = Path(root).resolve() / "submitted"
    found: dict[str, list[str]] = {}
    for student_dir in sorted(p for p in submitted.iterdir() if p.is_dir()):
        for lesson_dir in sorted(p for p in student_dir.iterdir() if p.is_dir()):
            if lesson_dir.name not in lessons():
                print(f"skipping {lesson_dir}: {lesson_dir.name!r} is not a lesson", file=sys.stderr)
                continue
            target = dest / student_dir.name / lesson_dir.name
            if target.resolve() != lesson_dir.resolve():
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(lesson_dir, target)
            found.setdefault(lesson_dir.name, []).append(student_dir.name)
    return found


FAILED_STUDENT = re.compile(r"error processing assignment '[^']+' for student '([^']+)'")


def autograde(lesson: str, root: Path = DEFAULT_ROOT, student: str | None = None,
              cell_timeout: int | None = None) -> list[str]:
    """Autograde every submission of ``lesson`` (or one student's) found in ``root/submitted``.

    A submission that cannot be graded (not a notebook, or it kills its kernel) does
    not stop the others: nbgrader records it with zero points and this returns the
    students it failed on. Any other nbgrader failure raises ``GradingError``.
    """
    args = ["autograde", lesson, "--force"]
    if student:
        args.append(f"--student={student}")
    proc = nbgrader(*args, root=root, cell_timeout=cell_timeout, check=False)
    failed = sorted(set(FAILED_STUDENT.findall(proc.stdout + proc.stderr)))
    if proc.returncode != 0 and not failed:
        raise GradingError(f"`nbgrader {' '.join(args)}` failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return failed


def feedback(lesson: str, root: Path = DEFAULT_ROOT) -> Path:
    """Write feedback HTML to ``root/feedback/<student>/<lesson>/``."""
    nbgrader("generate_feedback", lesson, "--force", root=root)
    return Path(root) / "feedback"


def export(csv_path: Path, root: Path = DEFAULT_ROOT) -> Path:
    """Export every grade in the gradebook to a CSV file."""
    csv_path = Path(csv_path).resolve()
    nbgrader("export", f"--to={csv_path}", root=root)
    return csv_path


def scores(lesson: str, student: str, root: Path = DEFAULT_ROOT) -> dict[str, tuple[float, float]]:
    """{grade_id: (score, max_score)} for one student's lesson, read from the gradebook."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{Path(root).resolve() / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(lesson, lesson, student)
        return {g.name: (g.score, g.max_score) for g in nb.grades}


def build_workspace(dest: Path, source: bool = False, root: Path = DEFAULT_ROOT) -> list[Path]:
    """Copy each lesson into ``dest/<lesson>/``: the student release, or the source with ``source=True``.

    A file that already exists in ``dest`` is never overwritten, so a learner's
    edits survive; lessons and files added since are copied in. Returns the
    files copied.
    """
    dest = Path(dest)
    missing = [name for name in lessons() if not (dest / name / f"{name}.ipynb").exists()]
    if source or not missing:
        origin = NOTEBOOKS  # nothing to release: only assets may be new
    else:
        origin = release(missing, root=root)
    copied = []
    for name in lessons():
        src_dir = origin / name if name in missing else NOTEBOOKS / name
        for src in sorted(src_dir.rglob("*")):
            if src.is_dir() or "__pycache__" in src.parts or ".ipynb_checkpoints" in src.parts:
                continue
            if not source and src.suffix == ".ipynb" and name not in missing:
                continue  # never hand out an instructor notebook as an asset
            target = dest / name / src.relative_to(src_dir)
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
            copied.append(target)
    return copied


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="grading/course.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="nbgrader course root (default grading/course)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("release", help="generate the student release")
    p.add_argument("lessons", nargs="*")
    p = sub.add_parser("autograde", help="autograde a folder of submissions")
    p.add_argument("submitted", type=Path, nargs="?", help="folder <student>/<lesson>/<lesson>.ipynb (default: root/submitted)")
    p = sub.add_parser("feedback", help="generate feedback HTML for every autograded lesson")
    p.add_argument("lessons", nargs="*")
    p = sub.add_parser("export", help="export grades to CSV")
    p.add_argument("csv", type=Path, nargs="?", default=Path("grades.csv"))
    p = sub.add_parser("workspace", help="build a learner workspace (never overwrites)")
    p.add_argument("dest", type=Path)
    p.add_argument("--source", action="store_true", help="instructor version with solutions")
    sub.add_parser("lessons", help="list the lessons")
    args = parser.parse_args(argv)

    if args.command == "lessons":
        print("\n".join(lessons()))
    elif args.command == "release":
        out = release(args.lessons or None, root=args.root)
        print(f"released {len(args.lessons or lessons())} lessons to {out}")
    elif args.command == "autograde":
        if args.submitted:
            found = collect(args.submitted, root=args.root)
        else:
            sub_dir = args.root / "submitted"
            found = {l: sorted(p.parent.name for p in sub_dir.glob(f"*/{l}")) for l in lessons()}
            found = {l: students for l, students in found.items() if students}
        release(list(found), root=args.root)  # the gradebook needs each assignment
        for lesson in found:
            print(f"autograding {lesson} ...", flush=True)
            failed = autograde(lesson, root=args.root)
            if failed:
                print(f"  could not grade {lesson} for {', '.join(failed)} (broken notebook or dead kernel): "
                      "recorded with zero points", file=sys.stderr)
        print(f"autograded {sum(len(v) for v in found.values())} submissions of {len(found)} lessons; "
              f"results in {args.root / 'autograded'}")
    elif args.command == "feedback":
        done = args.lessons or [l for l in lessons() if any((args.root / "autograded").glob(f"*/{l}"))]
        for lesson in done:
            feedback(lesson, root=args.root)
        print(f"feedback written to {args.root / 'feedback'}")
    elif args.command == "export":
        print(f"grades written to {export(args.csv, root=args.root)}")
    elif args.command == "workspace":
        copied = build_workspace(args.dest, source=args.source, root=args.root)
        print(f"workspace {args.dest}: {len(copied)} new files copied, existing files kept")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
