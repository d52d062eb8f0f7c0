"""The course's grading commands, wrapping nbgrader.

    python grading/course.py release                  # student release of every lesson
    python grading/course.py autograde SUBMITTED_DIR [--workers N] [--force]
                                                      # SUBMITTED_DIR/<student>/<lesson>/<lesson>.ipynb,
                                                      # each run in its own sandbox (sandbox.py)
    python grading/course.py feedback                 # feedback HTML (hidden tests stripped)
    python grading/course.py export [CSV]             # one row per student and lesson, with a status
                                                      # (default ROOT/grades.csv)
    python grading/course.py workspace DEST [--source]  # the learner's copy (never overwrites)
    python grading/course.py measure [LESSON ...]     # seconds each lesson's source takes in the sandbox
                                                      # (lesson_times.json: caps a submission's total time)
    python grading/course.py report [LESSON ...] [--anonymous]   # misconception report (HTML + CSV, report.py)
    python grading/course.py name-mistake LESSON EXERCISE FINGERPRINT --name .. --why .. --hint ..
                                                      # a report's group -> a recorded wrong answer

Everything the grader writes lives in the course root (default grading/course/,
``--root`` to move it; git ignores it): the SQLite gradebook ``gradebook.db``,
``grades.csv``, the batch report ``autograde_report.md`` and the verdicts
``autograde_status.json``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import queue
import re
import shutil
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path

import nbformat
from tqdm import tqdm

GRADING = Path(__file__).resolve().parent
sys.path.insert(0, str(GRADING))  # sandbox.py, feedback_filter.py
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


COURSE_ID = "nnlab"  # CourseDirectory.course_id in nbgrader_config.py


def exchange_root(root: Path = DEFAULT_ROOT) -> Path:
    """nbgrader's exchange of the course in ``root``: ``root/exchange`` (jupyter-config/instructor/nbgrader_config.py)."""
    return Path(root).resolve() / "exchange"


def release(names: list[str] | None = None, root: Path = DEFAULT_ROOT, exchange: bool = True) -> Path:
    """Generate the student version of each lesson (default: all) into ``root/release/<lesson>/``.

    Also records each lesson as an assignment in the gradebook. All lessons go in
    one nbgrader run (nbgrader globs ``*``), which is much faster than one run each.
    With ``exchange`` (what ``course.py release`` does), each lesson is then released to the
    course's exchange as the Formgrader's Release button does it (:func:`release_to_exchange`),
    so the Formgrader lists it as released.
    """
    if names is None or set(names) >= set(lessons()):
        nbgrader("generate_assignment", "*", "--force", root=root)
    else:
        for name in names:
            nbgrader("generate_assignment", name, "--force", root=root)
    if exchange:
        release_to_exchange(names if names is not None else lessons(), root=root)
    return Path(root) / "release"


def release_to_exchange(names: list[str], root: Path = DEFAULT_ROOT) -> Path:
    """``nbgrader release_assignment`` of each lesson in ``names``: ``root/release/<lesson>`` copied to
    ``<exchange>/nnlab/outbound/<lesson>`` (replacing an earlier release), with nbgrader's own code,
    in this process (one nbgrader run per lesson would take a second or two each)."""
    import logging

    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import ExchangeReleaseAssignment
    from traitlets.config import Config

    cfg = Config()
    cfg.CourseDirectory.root = str(Path(root).resolve())
    cfg.CourseDirectory.course_id = COURSE_ID
    cfg.Exchange.root = str(exchange_root(root))
    log = logging.getLogger("nnlab.release")
    log.setLevel(logging.ERROR)  # nbgrader's "Creating exchange directory" and per-file info lines
    for name in names:
        coursedir = CourseDirectory(config=cfg)
        coursedir.assignment_id = name
        ExchangeReleaseAssignment(coursedir=coursedir, authenticator=Authenticator(config=cfg), config=cfg,
                                  force=True, log=log).start()
    # nbgrader makes the exchange world-writable (other users' submissions arrive in inbound/): on one
    # instructor's machine nobody else submits, so nobody else may write there.
    exchange = exchange_root(root)
    os.chmod(exchange, 0o755)
    if (exchange / COURSE_ID / "inbound").is_dir():
        os.chmod(exchange / COURSE_ID / "inbound", 0o700)
    return exchange


STUDENT_NAME = re.compile(r"^[A-Za-z0-9_@+-][A-Za-z0-9_.@+-]{0,99}$")
MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024  # a notebook without its outputs
MAX_RAW_BYTES = 512 * 1024 * 1024      # a file this big is not even read
STATUS_FILE = "autograde_status.json"
REPORT_FILE = "autograde_report.md"
STATUSES = ("graded", "not submitted", "timed out", "memory exceeded", "killed", "flagged", "unreadable")


def collect(submitted: Path, root: Path = DEFAULT_ROOT) -> dict[str, list[str]]:
    """Copy each ``submitted/<student>/<lesson>/<lesson>.ipynb`` into the course root; return {lesson: [students]}.

    Only the notebook is copied (files shipped beside it are ignored), and only a
    regular file: a symlink is copied as an empty marker that grades as unreadable.
    Folder names that are not plain student ids are skipped with a message.
    """
    submitted = Path(submitted).resolve()
    if not submitted.is_dir():
        raise FileNotFoundError(f"no submissions folder at {submitted}; expected <student>/<lesson>/<lesson>.ipynb inside")
    dest = Path(root).resolve() / "submitted"
    found: dict[str, list[str]] = {}
    known = set(lessons())
    for student_dir in sorted(p for p in submitted.iterdir() if p.is_dir() and not p.is_symlink()):
        if not STUDENT_NAME.match(student_dir.name):
            print(f"skipping {student_dir}: {student_dir.name!r} is not a plain student id", file=sys.stderr)
            continue
        for lesson_dir in sorted(p for p in student_dir.iterdir() if p.is_dir() and not p.is_symlink()):
            if lesson_dir.name not in known:
                print(f"skipping {lesson_dir}: {lesson_dir.name!r} is not a lesson", file=sys.stderr)
                continue
            target = dest / student_dir.name / lesson_dir.name
            if target.resolve() != lesson_dir.resolve():
                shutil.rmtree(target, ignore_errors=True)
                target.mkdir(parents=True)
                src = lesson_dir / f"{lesson_dir.name}.ipynb"
                if src.is_file() and not src.is_symlink():
                    shutil.copyfile(src, target / src.name, follow_symlinks=False)
                else:
                    (target / src.name).write_text("symlink: the submitted notebook was a link, not followed"
                                                   if src.is_symlink() else "")
                import hints_used  # how many hints were shown (issue 23): checked, re-serialised

                hints_used.copy_checked(lesson_dir, target)
                stamp = lesson_dir / "timestamp.txt"
                if stamp.is_file() and not stamp.is_symlink() and stamp.stat().st_size < 200:
                    shutil.copyfile(stamp, target / "timestamp.txt")
            found.setdefault(lesson_dir.name, []).append(student_dir.name)
    return found


@dataclass
class Verdict:
    """The outcome of grading one submission: a status from STATUSES and a reason a person can read."""

    lesson: str
    student: str
    status: str
    reason: str = ""
    score: float = 0.0
    max_score: float = 0.0
    seconds: float = 0.0
    sha256: str = ""
    isolation: str = ""


class Unreadable(Exception):
    """The submission is not a notebook the grader can run; the message says why."""


def _db_url(root: Path) -> str:
    return f"sqlite:///{Path(root).resolve() / 'gradebook.db'}"


def _submission_path(lesson: str, student: str, root: Path) -> Path:
    return Path(root).resolve() / "submitted" / student / lesson / f"{lesson}.ipynb"


def _read_submission(path: Path) -> tuple[str, str]:
    """(text without outputs, sha256 of the file) of a submitted notebook.

    Stale outputs (and saved widget state) are cleared first: the size limit,
    MAX_NOTEBOOK_BYTES, applies to what is left, the code and text the student
    wrote, so a correct notebook that carries megabytes of old plots is graded.
    Refused: symlinks and other non-regular files, non-UTF-8, and files over
    MAX_RAW_BYTES, which are not read at all (they would cost the grader memory).
    """
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        raise Unreadable(f"no {path.name} in the submission") from None
    if not stat.S_ISREG(st.st_mode):
        raise Unreadable(f"{path.name} is not a regular file")
    if st.st_size > MAX_RAW_BYTES:
        raise Unreadable(f"{path.name} is {st.st_size // 2**20} MB; files over {MAX_RAW_BYTES // 2**20} MB are not read "
                         "(clear the outputs: Edit > Clear Outputs of All Cells, then save)")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as f:
        data = f.read(MAX_RAW_BYTES + 1)
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Unreadable(f"{path.name} is not UTF-8 text") from None
    del data
    text = _without_outputs(text)
    size = len(text.encode("utf-8"))
    if size > MAX_NOTEBOOK_BYTES:
        raise Unreadable(f"{path.name} is {size // 2**20} MB even without its outputs; the limit is "
                         f"{MAX_NOTEBOOK_BYTES // 2**20} MB")
    return text, digest


def _without_outputs(text: str) -> str:
    """The notebook JSON with every code cell's outputs and the saved widget state removed.

    Text that is not a notebook is returned as it is (``_prepare`` says why it is unreadable).
    """
    try:
        nb = json.loads(text)
    except ValueError:
        return text
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        return text
    for cell in nb["cells"]:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    if isinstance(nb.get("metadata"), dict):
        nb["metadata"].pop("widgets", None)
    return json.dumps(nb, ensure_ascii=False)


def _prepare(lesson: str, student: str, text: str, root: Path) -> tuple[nbformat.NotebookNode, list[str]]:
    """The notebook to execute: nbgrader's sanitising steps, test cells restored from the gradebook."""
    from nbgrader.preprocessors import (CheckCellMetadata, ClearOutput, DeduplicateIds, OverwriteCells,
                                        OverwriteKernelspec)

    notes = []
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as exc:
        raise Unreadable(f"not a notebook ({type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''})") from None
    if not isinstance(nb.get("cells"), list):
        raise Unreadable("not a notebook (no cells)")
    for cell in nb.cells:
        if not isinstance(cell, dict) or cell.get("cell_type") not in ("code", "markdown", "raw"):
            raise Unreadable("not a notebook (a cell of unknown type)")
        cell.setdefault("metadata", nbformat.NotebookNode())
        if not isinstance(cell.get("source"), str):
            cell["source"] = "".join(cell["source"]) if isinstance(cell.get("source"), list) else ""
        meta = cell.metadata.get("nbgrader")
        if meta is not None and not isinstance(meta, dict):
            del cell.metadata["nbgrader"]
            notes.append("odd nbgrader metadata removed")
        elif meta is not None and meta.get("schema_version") != 3:
            meta["schema_version"] = 3
            notes.append("odd nbgrader schema version reset")
    seen = set()
    for cell in nb.cells:  # a grade id used twice: only its first cell keeps it (nbgrader would stop)
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in seen:
            del cell.metadata["nbgrader"]
            notes.append(f"duplicated grade id {grade_id!r} ignored")
        elif grade_id:
            seen.add(grade_id)
    resources = {"nbgrader": {"db_url": _db_url(root), "assignment": lesson, "notebook": lesson, "student": student}}
    try:
        for pp in (ClearOutput(), DeduplicateIds(), OverwriteKernelspec(), OverwriteCells(), CheckCellMetadata()):
            nb, resources = pp.preprocess(nb, resources)
    except Exception as exc:
        raise Unreadable(f"nbgrader refused the notebook's metadata ({type(exc).__name__}: {str(exc)[:200]})") from None
    return nb, sorted(set(notes))


def _static_flags(nb: nbformat.NotebookNode, release_nb: nbformat.NotebookNode | None = None) -> list[str]:
    """Kernel-tampering calls the submission added to the lesson (flags for review; scores are kept)."""
    def code(notebook):
        return "\n".join(c.source for c in notebook.cells if c.cell_type == "code"
                         and not (c.metadata.get("nbgrader", {}).get("grade")
                                  and not c.metadata.get("nbgrader", {}).get("solution")))

    mine, given = code(nb), code(release_nb) if release_nb is not None else ""
    return sorted({what for pattern, what in TAMPER_PATTERNS
                   if re.search(pattern, mine) and not re.search(pattern, given)})


TAMPER_PATTERNS = [
    (r"\bevents\s*\.\s*register\b|\bregister_post_execute\b", "registers a kernel event hook"),
    (r"\binput_transformers|\bast_transformers\b|\binput_transformer_manager\b", "adds an input/AST transformer"),
    (r"\bset_custom_exc\b|\bshowtraceback\b|\bCustomTB\b", "replaces the kernel's error handling"),
    (r"\bdisplayhook\b|\bdisplay_pub\b|\bexcepthook\b", "replaces the display or exception hook"),
    (r"\bsettrace\b|\bsetprofile\b", "installs a trace/profile hook"),
    (r"\bbuiltins\b|__builtins__", "touches the builtins"),
    (r"\blabkit\s*\.\s*(checks|shortcut)\s*\.\s*\w+\s*=(?!=)|\bchecks\s*\.\s*\w+\s*=(?!=)", "rebinds a check helper"),
    (r"\.__code__\s*=(?!=)|\bsys\s*\.\s*modules\s*\[[^]]*\]\s*=(?!=)", "rewrites code objects or modules"),
    (r"\bgradebook\b|\bnbgrader\b", "refers to the grader"),
    (r"\b_getframe\b|\bcurrentframe\b|\binspect\s*\.\s*(stack|trace|getouterframes)\b|\.f_back\b|\btb_frame\b"
     r"|\blinecache\b|\bhistory_manager\b|\b_ih\b|\b_oh\b|\b_iii?\b|%history\b"
     r"|\bget_parent\b|\bparent_header\b|\bgc\s*\.\s*get_(objects|referrers|referents)\b",
     "reads the kernel's input history, current request or its callers' frames (where the hidden tests run)"),
]


def _bindings(lesson: str, root: Path) -> list[list]:
    """[name, module, attribute] for each import in the released lesson outside its answer cells.

    Before each test cell the sandbox checks these names still refer to what was
    imported (a submission must not rebind ``check_close`` or ``np``).
    """
    return bindings_of(nbformat.read(Path(root) / "release" / lesson / f"{lesson}.ipynb", as_version=4))


def bindings_of(release_nb: nbformat.NotebookNode) -> list[list]:
    """[name, module, attribute] for each import of a notebook outside its answer cells (see ``_bindings``)."""
    import ast

    found = []
    for cell in release_nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or meta.get("solution") or "nnlab-hints" in cell.metadata.get("tags", []):
            continue  # (the hint cells' `hint`/`hints` are the learner's to rebind)
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    found.append([alias.asname or alias.name.split(".")[0],
                                  alias.name if alias.asname else alias.name.split(".")[0], None])
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.extend([alias.asname or alias.name, node.module, alias.name]
                             for alias in node.names if alias.name != "*")
    return found


def _lesson_assets(lesson: str) -> list[Path]:
    return assets_in(NOTEBOOKS / lesson)


def assets_in(folder: Path) -> list[Path]:
    """The files a lesson's notebook reads beside it (data, images): regular files, no notebooks, no links."""
    return [p for p in sorted(Path(folder).iterdir()) if p.is_file() and not p.is_symlink() and p.suffix != ".ipynb"]


# How long a whole notebook may run: a multiple of what the lesson's own source needs.
LESSON_TIMES = GRADING / "lesson_times.json"  # {lesson: seconds its source took in the sandbox}, see `measure`
TIME_FACTOR = 3.0       # a submission may take this many times the source's measured time ...
TIME_MARGIN_S = 30      # ... plus this (kernel start on a busy machine) ...
TIME_FLOOR_S = 60       # ... and never less than this


def lesson_times() -> dict[str, float]:
    """{lesson: seconds its source took to run in the sandbox}, as ``course.py measure`` recorded them."""
    try:
        data = json.loads(LESSON_TIMES.read_text())
    except FileNotFoundError:
        return {}
    except ValueError as exc:
        raise ValueError(f"{LESSON_TIMES} is not valid JSON ({exc}); expected {{lesson: seconds}}; "
                         "rebuild it with `python grading/course.py measure`") from None
    return {k: float(v) for k, v in data.get("seconds", {}).items()}


def notebook_limit(lesson: str, limits: "sandbox.Limits") -> "sandbox.Limits":
    """``limits`` with the whole-notebook time capped near what ``lesson`` needs.

    TIME_FACTOR times the seconds its source took in the sandbox (``lesson_times.json``),
    plus TIME_MARGIN_S, at least TIME_FLOOR_S, and never more than ``limits.notebook_timeout``.
    A notebook that is not a recorded lesson (an instructor's own) keeps ``limits`` as given.
    """
    import math
    from dataclasses import replace

    seconds = lesson_times().get(lesson)
    if seconds is None:
        return limits
    cap = max(TIME_FLOOR_S, math.ceil(TIME_FACTOR * seconds + TIME_MARGIN_S))
    return replace(limits, notebook_timeout=min(limits.notebook_timeout, cap))


def _score_run(nb_cells: list, run: dict) -> tuple[dict[str, bool], list[str]]:
    """{test grade_id: passed} from the runner's report, and the integrity problems found.

    A test passes only if it ran, its execute reply was "ok" and it produced no
    error output: its other outputs never count. Once the integrity check fails
    before a test, that test and every later one score zero.
    """
    passed: dict[str, bool] = {}
    problems: list[str] = []
    tampered = False
    for key in sorted(run.get("cells", {}), key=int):
        info = run["cells"][key]
        if not info.get("test") or not info.get("grade_id"):
            continue
        if info.get("guard"):
            tampered = True
            problems.extend(f"before {info['grade_id']}: {p}" for p in info["guard"])
        ok = bool(info.get("ran")) and info.get("reply") == "ok" and not info.get("error") and not tampered
        passed[info["grade_id"]] = passed.get(info["grade_id"], True) and ok
    return passed, problems


def _classify(run_result, problems: list[str], static: list[str], notes: list[str]) -> tuple[str, str]:
    run = run_result.result
    reasons = []
    if run is None:
        if run_result.killed_after_wall_time:
            return "timed out", "the sandbox ran past the whole-notebook time limit and was killed"
        return "killed", (f"the sandbox ended without a result (exit {run_result.returncode}): the submission "
                          "killed the grading process or exhausted a limit")
    enames = {e for info in run.get("cells", {}).values() for e in info.get("enames", []) or []}
    memory = bool(enames & {"MemoryError", "_ArrayMemoryError", "OutOfMemoryError"})
    status = "graded"
    if problems:
        status = "flagged"
        reasons.append("tampering detected, affected tests scored zero: " + "; ".join(problems[:6]))
    elif memory:
        status = "memory exceeded"
        reasons.append("a cell ran out of memory (limit reached); scored on what ran")
    elif run.get("kernel_died"):
        status = "killed"
        reasons.append("the kernel died (" + "; ".join(run.get("events", [])[:3]) + "); cells after it were not run")
    elif run.get("out_of_time") or run.get("stopped_at") is not None:
        status = "timed out"
        reasons.append("the notebook ran past its time limit or stopped answering; later cells were not run")
    elif run.get("timed_out"):
        status = "timed out"
        reasons.append(f"{len(run['timed_out'])} cell(s) ran past the per-cell time limit and were interrupted; "
                       "scored on the rest")
    if static and status == "graded":
        status = "flagged"
        reasons.append("kernel-tampering code in the submission, please review: " + "; ".join(static))
    elif static:
        reasons.append("also: " + "; ".join(static))
    if run.get("truncated"):
        reasons.append(f"output cut in {len(run['truncated'])} cell(s)")
    reasons.extend(notes)
    return status, "; ".join(reasons)


def _record(gb, lesson: str, student: str, nb, passed: dict[str, bool], flagged: bool,
            timestamp: str | None, notebook: str | None = None) -> tuple[float, float]:
    """Write auto scores and comments into the gradebook; return (score, max score).

    ``notebook`` is the notebook's name in the assignment (default: the lesson's own name).
    The plain-nbgrader path (nbgrader_sandbox.SaveSandboxGrades) scores with this too.
    """
    notebook = notebook or lesson
    import warnings

    from nbgrader import utils as nbutils

    warnings.filterwarnings("ignore", message=".*not in session.*")  # nbgrader's own SQLAlchemy noise
    gb.update_or_create_student(student)
    if timestamp:
        gb.update_or_create_submission(lesson, student, timestamp=timestamp)
    else:
        gb.update_or_create_submission(lesson, student)
    cells = {c.metadata.nbgrader["grade_id"]: c for c in (nb.cells if nb is not None else [])
             if c.metadata.get("nbgrader", {}).get("grade_id")}
    submission = gb.find_submission_notebook(notebook, lesson, student)
    for grade in submission.grades:
        cell = cells.get(grade.name)
        if grade.name in passed:
            grade.auto_score = grade.max_score if passed[grade.name] else 0.0
        elif cell is not None and nbutils.is_grade(cell) and nbutils.is_solution(cell):
            grade.auto_score, _ = nbutils.determine_grade(cell)
        else:
            grade.auto_score = 0.0
        grade.needs_manual_grade = (grade.manual_score is not None or grade.auto_score is None
                                    or (flagged and grade.name in passed))
    for comment in submission.comments:
        cell = cells.get(comment.name)
        unchanged = (cell is not None and cell.metadata.nbgrader.get("checksum") == nbutils.compute_checksum(cell)
                     and not nbutils.is_task(cell))
        comment.auto_comment = "No response." if unchanged or cell is None else None
    gb.db.commit()
    submission = gb.find_submission_notebook(notebook, lesson, student)
    return float(submission.score), float(submission.max_score)


def _load_status(root: Path) -> dict:
    path = Path(root) / STATUS_FILE
    try:
        return json.loads(path.read_text())
    except (FileNotFoundError, ValueError):
        return {}


def _save_status(root: Path, status: dict) -> None:
    path = Path(root) / STATUS_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(status, indent=1, sort_keys=True))
    os.replace(tmp, path)


def autograde_batch(jobs: list[tuple[str, str]], root: Path = DEFAULT_ROOT, workers: int | None = None,
                    limits: "sandbox.Limits | None" = None, force: bool = False,
                    progress: bool = False) -> list[Verdict]:
    """Grade each (lesson, student) submission in its own sandbox, ``workers`` at a time.

    Every submission gets a verdict; none can stop the others. A submission
    graded before (same notebook bytes, result on disk) is skipped unless
    ``force``: an interrupted batch, rerun, grades only what is left. Scores go
    to the gradebook, verdicts to ``root/autograde_status.json`` and the batch
    report ``root/autograde_report.md``.
    """
    import sandbox
    from nbgrader.api import Gradebook

    root = Path(root).resolve()
    limits = limits or sandbox.Limits(cell_timeout=int(os.environ.get("NNLAB_CELL_TIMEOUT", "60")))
    workers = max(1, workers or os.cpu_count() or 1)
    isolation = sandbox.detect()
    if isolation.warning:
        print(f"WARNING: {isolation.warning}", file=sys.stderr, flush=True)
    root.mkdir(parents=True, exist_ok=True)
    os.chmod(root, 0o700)  # the course root is the grader's alone
    status = _load_status(root)
    verdicts: list[Verdict] = []
    todo = []
    for lesson, student in jobs:
        path = _submission_path(lesson, student, root)
        try:
            text, digest = _read_submission(path)
        except Unreadable as exc:
            text, digest, error = None, "", str(exc)
        else:
            error = None
        old = status.get(lesson, {}).get(student)
        done = root / "autograded" / student / lesson / f"{lesson}.ipynb"
        if (not force and old and old.get("sha256") == digest and digest and done.exists()
                and old.get("status") in STATUSES):
            verdicts.append(Verdict(**{k: old.get(k, v) for k, v in asdict(Verdict(lesson, student, "")).items()}))
            continue
        todo.append((lesson, student, text, digest, error))

    prepared = []
    with Gradebook(_db_url(root)) as gb:
        for lesson, student, text, digest, error in todo:
            if error is None:
                try:
                    nb, notes = _prepare(lesson, student, text, root)
                    prepared.append((lesson, student, nb, notes, digest))
                    continue
                except Unreadable as exc:
                    error = str(exc)
            verdict = Verdict(lesson, student, "unreadable", error, sha256=digest, isolation=isolation.tool)
            verdict.score, verdict.max_score = _record(gb, lesson, student, None, {}, False, None)
            _finish(root, status, verdict, None)
            verdicts.append(verdict)

    slots: queue.Queue[int] = queue.Queue()
    for slot in range(workers):
        slots.put(slot)

    def run(item):
        lesson, student, nb, notes, digest = item
        slot = slots.get()
        try:
            return sandbox.run_notebook(nbformat.writes(nb), _lesson_assets(lesson), notebook_limit(lesson, limits),
                                        slot=slot, isolation=isolation, bindings=bindings[lesson])
        finally:
            slots.put(slot)

    bindings = {lesson: _bindings(lesson, root) for lesson in {item[0] for item in prepared}}
    bar = tqdm(total=len(prepared), desc="autograde", unit="submission", file=sys.stderr,
               disable=not progress or not prepared)
    with ThreadPoolExecutor(max_workers=workers) as pool, Gradebook(_db_url(root)) as gb:
        futures = {pool.submit(run, item): item for item in prepared}
        for future in as_completed(futures):
            lesson, student, nb, notes, digest = futures[future]
            try:
                result = future.result()
                verdict = _conclude(gb, root, lesson, student, nb, notes, digest, result)
            except Exception as exc:  # the grader itself failed on this one: say so, go on
                verdict = Verdict(lesson, student, "killed", f"grading failed: {type(exc).__name__}: {exc}"[:500],
                                  sha256=digest, isolation=isolation.tool)
                verdict.score, verdict.max_score = _record(gb, lesson, student, None, {}, False, None)
                _finish(root, status, verdict, None)
            verdicts.append(verdict)
            bar.set_postfix_str(f"{student}/{lesson}: {verdict.status}")
            bar.update()
    bar.close()
    _write_report(root, verdicts, isolation, workers)
    return sorted(verdicts, key=lambda v: (v.lesson, v.student))


def _conclude(gb, root: Path, lesson: str, student: str, prepared_nb, notes: list[str], digest: str,
              result) -> Verdict:
    from feedback_filter import neutralise_notebook
    from nbgrader.preprocessors import LimitOutput

    status_store = _load_status(root)
    run = result.result
    nb = prepared_nb
    if run is not None:
        try:
            nb = nbformat.reads(run["notebook"], as_version=4)
        except Exception:
            run = None
            nb = prepared_nb
    passed, problems = _score_run(nb.cells, run) if run is not None else ({}, [])
    release_path = Path(root) / "release" / lesson / f"{lesson}.ipynb"
    static = _static_flags(prepared_nb, nbformat.read(release_path, as_version=4) if release_path.exists() else None)
    state, reason = _classify(result if run is not None else _Dead(result), problems, static, notes)
    nb, _ = LimitOutput(max_lines=200, max_traceback=100).preprocess(nb, {})
    neutralise_notebook(nb)
    stamp_file = _submission_path(lesson, student, root).parent / "timestamp.txt"
    timestamp = stamp_file.read_text().strip() if stamp_file.is_file() else None
    try:
        score, top = _record(gb, lesson, student, nb, passed, state == "flagged", timestamp)
    except Exception:
        gb.db.rollback()
        score, top = _record(gb, lesson, student, nb, passed, state == "flagged", None)
    verdict = Verdict(lesson, student, state, reason, score, top, round(result.seconds, 1), digest,
                      result.isolation.tool)
    _finish(root, status_store, verdict, nb)
    return verdict


class _Dead:
    """A run whose report could not be read counts as a run without a report."""

    def __init__(self, result):
        self.result, self.returncode, self.killed_after_wall_time = None, result.returncode, result.killed_after_wall_time


def _finish(root: Path, status: dict, verdict: Verdict, nb) -> None:
    """Write the autograded notebook (for instructors and feedback) and the verdict, after the sandbox ended."""
    out = Path(root) / "autograded" / verdict.student / verdict.lesson
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    if nb is None:
        nb = nbformat.v4.new_notebook()
        nb.cells.append(nbformat.v4.new_markdown_cell(f"Not graded: {verdict.status}. {verdict.reason}"))
    nbformat.write(nb, out / f"{verdict.lesson}.ipynb")
    status = _load_status(root)
    status.setdefault(verdict.lesson, {})[verdict.student] = asdict(verdict)
    _save_status(root, status)


def _write_report(root: Path, verdicts: list[Verdict], isolation, workers: int) -> Path:
    counts = {s: sum(v.status == s for v in verdicts) for s in STATUSES if any(v.status == s for v in verdicts)}
    lines = ["# Autograde report", "", f"Isolation: {isolation.describe()}", "",
             f"Workers: {workers}. Submissions: {len(verdicts)} ("
             + ", ".join(f"{n} {s}" for s, n in counts.items()) + ").", "",
             "| lesson | student | status | score | reason |", "| --- | --- | --- | --- | --- |"]
    for v in sorted(verdicts, key=lambda v: (v.lesson, v.student)):
        reason = v.reason.replace("|", "/").replace("\n", " ")
        lines.append(f"| {v.lesson} | {v.student} | {v.status} | {v.score:g} / {v.max_score:g} | {reason} |")
    path = Path(root) / REPORT_FILE
    path.write_text("\n".join(lines) + "\n")
    return path


def autograde(lesson: str, root: Path = DEFAULT_ROOT, student: str | None = None,
              cell_timeout: int | None = None, workers: int = 1, force: bool = False,
              progress: bool = False) -> list[str]:
    """Autograde every submission of ``lesson`` (or one student's) found in ``root/submitted``.

    One worker by default here (the self-test grades lessons side by side already);
    the command line defaults to one per core.

    Returns the students whose submission did not run normally (every status but
    "graded" and "timed out", which still scores what ran); their verdicts and
    reasons are in ``verdicts(root)``, the export and the batch report.
    """
    sub_dir = Path(root) / "submitted"
    students = [student] if student else sorted(p.parent.name for p in sub_dir.glob(f"*/{lesson}") if p.is_dir())
    import sandbox

    limits = sandbox.Limits(cell_timeout=int(os.environ.get("NNLAB_CELL_TIMEOUT", "60"))).with_cell_timeout(cell_timeout)
    done = autograde_batch([(lesson, s) for s in students], root=root, workers=workers, limits=limits,
                           force=force, progress=progress)
    return sorted(v.student for v in done if v.status not in ("graded", "timed out"))


def measure(names: list[str] | None = None, workers: int = 1) -> dict[str, float]:
    """Run each lesson's source (default: all) in the sandbox as a submission runs; record its seconds.

    The seconds go to ``lesson_times.json`` (other lessons' entries are kept); ``notebook_limit``
    caps every submission of that lesson at a multiple of them. Raises GradingError if a
    source does not run to the end without an error (its time would mean nothing).
    """
    import sandbox

    isolation = sandbox.detect()
    limits = sandbox.Limits()
    names = list(names or lessons())
    unknown = sorted(set(names) - set(lessons()))
    if unknown:
        raise ValueError(f"not lessons: {unknown}; expected names from `python grading/course.py lessons`")
    slots: queue.Queue[int] = queue.Queue()
    for slot in range(max(1, workers)):
        slots.put(slot)

    def one(lesson: str) -> tuple[str, float]:
        nb = nbformat.read(lesson_notebook(lesson), as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        slot = slots.get()
        try:
            result = sandbox.run_notebook(nbformat.writes(nb), _lesson_assets(lesson), limits, slot=slot,
                                          isolation=isolation, bindings=bindings_of(nb))
        finally:
            slots.put(slot)
        run = result.result
        if run is None:
            raise GradingError(f"{lesson}: the source did not run to the end in the sandbox "
                               f"(exit {result.returncode}): {result.stderr_tail[-500:]}")
        failed = [f"cell {k}: {info.get('enames') or info.get('reply')}" for k, info in run["cells"].items()
                  if not info.get("ran") or info.get("error")]
        if failed or run.get("stopped_at") is not None:
            raise GradingError(f"{lesson}: the source did not run cleanly in the sandbox: {failed[:5]}")
        return lesson, float(run["seconds"])

    measured, failures = {}, []
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for future in as_completed([pool.submit(one, name) for name in names]):
            try:
                lesson, seconds = future.result()
            except GradingError as exc:
                failures.append(str(exc))
                print(f"NOT MEASURED: {exc}", file=sys.stderr, flush=True)
                continue
            measured[lesson] = seconds
            print(f"{lesson}: {seconds:.1f} s", file=sys.stderr, flush=True)
    times = {**lesson_times(), **measured}
    LESSON_TIMES.write_text(json.dumps({
        "about": "seconds each lesson's source takes in the grading sandbox (kernel start included), written by "
                 "`python grading/course.py measure`; a submission may run TIME_FACTOR times this plus TIME_MARGIN_S "
                 "(course.notebook_limit)",
        "cores": os.cpu_count(), "workers": max(1, workers),
        "seconds": {k: round(v, 1) for k, v in sorted(times.items())}}, indent=1) + "\n")
    if failures:
        raise GradingError(f"{len(failures)} lesson(s) not measured (the others were recorded):\n" + "\n".join(failures))
    return measured


def verdicts(root: Path = DEFAULT_ROOT) -> dict[tuple[str, str], Verdict]:
    """{(lesson, student): Verdict} of every submission graded in ``root``."""
    return {(lesson, student): Verdict(**v) for lesson, per in _load_status(root).items() for student, v in per.items()}


def feedback(lesson: str, root: Path = DEFAULT_ROOT) -> Path:
    """Write feedback HTML to ``root/feedback/<student>/<lesson>/``.

    An answer graded by hand that nobody has graded yet reads "awaiting grading" there, and the
    total is marked provisional (feedback_filter.GetGradesMarkingUngraded); see :func:`awaiting_grading`.
    """
    nbgrader("generate_feedback", lesson, "--force", root=root)
    return Path(root) / "feedback"


def awaiting_grading(lessons_: list[str] | None = None, root: Path = DEFAULT_ROOT) -> dict[tuple[str, str], int]:
    """{(lesson, student): answers graded by hand that have no score yet}, for submissions that have any.

    These are the Formgrader's Manual Grading work: a written response has neither an automatic
    nor a manual score until a person gives one.
    """
    from nbgrader.api import Gradebook

    path = Path(root).resolve() / "gradebook.db"
    if not path.exists():
        return {}
    found: dict[tuple[str, str], int] = {}
    with Gradebook(_db_url(root)) as gb:
        for assignment in gb.assignments:
            if lessons_ is not None and assignment.name not in lessons_:
                continue
            for sub in assignment.submissions:
                waiting = sum(1 for nb in sub.notebooks for g in nb.grades
                              if g.manual_score is None and g.auto_score is None)
                if waiting:
                    found[(assignment.name, sub.student.id)] = waiting
    return found


EXPORT_COLUMNS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
                  "raw_score", "late_submission_penalty", "score", "max_score", "status", "reason",
                  "hints_shown", "hints_detail", "hint_penalty"]


def export(csv_path: Path | None = None, root: Path = DEFAULT_ROOT) -> Path:
    """Export every grade to CSV (default ``root/grades.csv``): one row per student and lesson.

    Besides nbgrader's columns, ``status`` says graded / not submitted / timed out /
    memory exceeded / killed / flagged / unreadable, and ``reason`` why. ``hints_shown`` is how
    many hints the learner revealed (``hints_detail`` per exercise, from the submission's
    ``hints-used.json``); ``hint_penalty`` is what they cost, 0 unless ``NNLAB_HINT_PENALTY``
    (points per hint) is set (grading/hints_used.py).
    """
    import hints_used
    from nbgrader.api import Gradebook, MissingEntry

    per_hint = hints_used.penalty_per_hint()

    root = Path(root).resolve()
    csv_path = Path(csv_path).resolve() if csv_path else root / "grades.csv"
    known = _load_status(root)
    rows = []
    with Gradebook(_db_url(root)) as gb:
        for assignment in gb.assignments:
            for student in gb.students:
                row = {"assignment": assignment.name, "duedate": assignment.duedate or "", "student_id": student.id,
                       "last_name": student.last_name or "", "first_name": student.first_name or "",
                       "email": student.email or "", "max_score": assignment.max_score}
                try:
                    sub = gb.find_submission(assignment.name, student.id)
                except MissingEntry:
                    row.update(timestamp="", raw_score=0.0, late_submission_penalty=0.0, score=0.0,
                               status="not submitted", reason="no submission for this lesson",
                               hints_shown=0, hints_detail="", hint_penalty=0.0)
                else:
                    v = known.get(assignment.name, {}).get(student.id, {})
                    reason = v.get("reason", "")
                    waiting = sum(1 for nb in sub.notebooks for g in nb.grades
                                  if g.cell.cell_type == "markdown" and g.manual_score is None)
                    if waiting:  # free-text answers a person grades in the Formgrader
                        note = f"{waiting} answer(s) await manual grading; the score counts the autograded parts only"
                        reason = f"{reason}; {note}" if reason else note
                    used = hints_used.read(root / "submitted" / student.id / assignment.name,
                                           hints_used.hint_counts(NOTEBOOKS / assignment.name) or None)
                    score = max(0.0, sub.score - (sub.late_submission_penalty or 0.0))
                    penalty = min(score, per_hint * sum(used.values()))
                    row.update(timestamp=sub.timestamp or "", raw_score=sub.score,
                               late_submission_penalty=sub.late_submission_penalty or 0.0,
                               score=score - penalty, status=v.get("status", "graded"), reason=reason,
                               hints_shown=sum(used.values()), hints_detail=hints_used.describe(used),
                               hint_penalty=penalty)
                rows.append(row)
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    with csv_path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=EXPORT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
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
        origin = release(missing, root=root, exchange=False)  # a learner's copy, not a class release
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
    p.add_argument("--workers", type=int, default=None, help="submissions graded at once (default: the CPU cores)")
    p.add_argument("--force", action="store_true", help="regrade submissions already graded (default: only new ones)")
    p.add_argument("--cell-timeout", type=int, default=None, help="seconds per cell (default 60, NNLAB_CELL_TIMEOUT)")
    p = sub.add_parser("feedback", help="generate feedback HTML for every autograded lesson")
    p.add_argument("lessons", nargs="*")
    p = sub.add_parser("export", help="export grades to CSV")
    p.add_argument("csv", type=Path, nargs="?", default=None, help="default: ROOT/grades.csv")
    p = sub.add_parser("workspace", help="build a learner workspace (never overwrites)")
    p.add_argument("dest", type=Path)
    p.add_argument("--source", action="store_true", help="instructor version with solutions")
    p = sub.add_parser("measure", help="record how long each lesson's source runs in the sandbox (caps submissions)")
    p.add_argument("lessons", nargs="*")
    p.add_argument("--workers", type=int, default=1, help="lessons run at once (default 1: times as on a quiet grader)")
    sub.add_parser("lessons", help="list the lessons")
    p = sub.add_parser("report", help="the misconception report of the autograded notebooks (HTML and CSV)")
    p.add_argument("lessons", nargs="*", help="default: every autograded lesson")
    p.add_argument("--out", type=Path, default=None, help="folder for the report (default ROOT/report)")
    p.add_argument("--anonymous", action="store_true", help="leave student ids out (a page to share)")
    p = sub.add_parser("name-mistake", help="record a group of the report as a wrong answer with its explanation")
    p.add_argument("lesson")
    p.add_argument("exercise", help="the answer cell's grade id, as in the report")
    p.add_argument("fingerprint", help="the group's behaviour fingerprint (16 hex digits), as in the report")
    p.add_argument("--name", required=True, help="the mistake's short name (2-8 words)")
    p.add_argument("--why", required=True, help="one sentence: what the code does and why that is wrong")
    p.add_argument("--hint", required=True, help="a hint that points at the mistake, never at the answer")
    p.add_argument("--file", default=None, help="file name without .py (default: from --name)")
    args = parser.parse_args(argv)

    if args.command == "lessons":
        print("\n".join(lessons()))
    elif args.command == "release":
        out = release(args.lessons or None, root=args.root)
        print(f"released {len(args.lessons or lessons())} lessons to {out} and to the exchange, "
              f"{exchange_root(args.root)} (the Formgrader lists them as released)")
    elif args.command == "autograde":
        if args.submitted:
            found = collect(args.submitted, root=args.root)
        else:
            sub_dir = args.root / "submitted"
            found = {l: sorted(p.parent.name for p in sub_dir.glob(f"*/{l}")) for l in lessons()}
            found = {l: students for l, students in found.items() if students}
        release(list(found), root=args.root, exchange=False)  # the gradebook needs each assignment
        import sandbox

        limits = sandbox.Limits(cell_timeout=int(os.environ.get("NNLAB_CELL_TIMEOUT", "60")))
        jobs = [(lesson, student) for lesson, students in found.items() for student in students]
        done = autograde_batch(jobs, root=args.root, workers=args.workers, force=args.force, progress=True,
                               limits=limits.with_cell_timeout(args.cell_timeout))
        counts: dict[str, int] = {}
        for v in done:
            counts[v.status] = counts.get(v.status, 0) + 1
            if v.status != "graded":
                print(f"  {v.student}/{v.lesson}: {v.status}: {v.reason}", file=sys.stderr)
        print(f"autograded {len(done)} submissions of {len(found)} lessons ("
              + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) + f"); results in {args.root / 'autograded'}, "
              f"report {args.root / REPORT_FILE}")
    elif args.command == "feedback":
        done = args.lessons or [l for l in lessons() if any((args.root / "autograded").glob(f"*/{l}"))]
        for lesson in done:
            feedback(lesson, root=args.root)
        print(f"feedback written to {args.root / 'feedback'}")
        waiting = awaiting_grading(done, root=args.root)
        if waiting:
            per_lesson: dict[str, int] = {}
            for (lesson, _student), n in waiting.items():
                per_lesson[lesson] = per_lesson.get(lesson, 0) + n
            total = sum(waiting.values())
            print(f"{total} answer{'s' if total != 1 else ''} graded by hand await{'' if total != 1 else 's'} grading ("
                  + ", ".join(f"{n} in {lesson}" for lesson, n in sorted(per_lesson.items()))
                  + f", {len(waiting)} submission{'s' if len(waiting) != 1 else ''}): their feedback says "
                  "'awaiting grading' and its total is provisional. Grade them in the Formgrader (make instructor, "
                  "then Formgrader > Manual Grading) and run `make feedback` again before releasing feedback.")
    elif args.command == "measure":
        measure(args.lessons or None, workers=args.workers)
        print(f"times written to {LESSON_TIMES}")
    elif args.command == "export":
        print(f"grades written to {export(args.csv, root=args.root)}")
    elif args.command in ("report", "name-mistake"):
        import report

        unknown = sorted(set(args.lessons if args.command == "report" else [args.lesson]) - set(lessons()))
        if unknown:
            print(f"not lessons: {unknown}; expected names from `python grading/course.py lessons`", file=sys.stderr)
            return 2
        if args.command == "report":
            built = report.build(args.root, args.lessons or None, args.out, anonymous=args.anonymous)
            print(f"misconception report of {len(built['outcomes'])} answers ({built['seconds']:.1f} s): "
                  f"{built['html']}; CSV: {', '.join(str(p) for p in built['csv'])}")
        else:
            try:
                path = report.name_mistake(args.root, args.lesson, args.exercise, args.fingerprint, args.name,
                                           args.why, args.hint, file=args.file)
            except (ValueError, FileExistsError) as exc:
                print(f"not recorded: {exc}", file=sys.stderr)
                return 2
            print(f"recorded {path}\nreview it, then teach it: .venv/bin/python grading/mistakes.py build {args.lesson}")
    elif args.command == "workspace":
        copied = build_workspace(args.dest, source=args.source, root=args.root)
        print(f"workspace {args.dest}: {len(copied)} new files copied, existing files kept")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
