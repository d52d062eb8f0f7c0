"""Plain ``nbgrader autograde`` (and the formgrader's Autograde button), run in the course's sandbox.

nbgrader's own ``Execute`` runs a submission's code as the grader, in the course
folder: with the source notebooks (hidden tests), the gradebook, the other
submissions, the grader's environment (hub tokens) and the network. These two
preprocessors put the same sandbox as ``grading/course.py`` on that path:

* ``SandboxExecute`` replaces ``Execute``: it hands the sanitised notebook to
  ``sandbox.run_notebook`` (bubblewrap, ``sandbox_runner.py`` inside: the same
  limits, integrity checks and hidden-test hygiene as the batch grader) and takes
  the executed notebook back. The lesson's files beside it come from the
  assignment's source folder, never from the submission. The whole-notebook time
  is capped from ``lesson_times.json`` (``course.notebook_limit``); the per-cell
  time is ``Execute.timeout``.
* ``SaveSandboxGrades`` replaces ``SaveAutoGrades``: it scores each test cell from
  the sandbox's report, with the batch grader's own function (``course._record``):
  a test passes if it ran, its reply was ``ok``, it raised nothing and the kernel's
  integrity held; what it printed, stderr included (a library's warning), does not
  count. So every path gives a notebook the same score.

A course folder anywhere (an instructor's own, the hub's grader course) uses them
with these lines in its ``nbgrader_config.py`` (the path is this folder)::

    import sys
    sys.path.insert(0, "/path/to/nnlab/grading")
    from nbgrader_sandbox import SANDBOXED_AUTOGRADE
    c.Autograde.autograde_preprocessors = SANDBOXED_AUTOGRADE

(``grading/nbgrader_config.py`` carries them; a config that ``load_subconfig``\\s it
gets them too.) Each preprocessor refuses to run without the other.
"""

from __future__ import annotations

import queue
import sys
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.api import Gradebook
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, Execute, IgnorePattern, LimitOutput,
                                    NbGraderPreprocessor)

GRADING = Path(__file__).resolve().parent
if str(GRADING) not in sys.path:
    sys.path.insert(0, str(GRADING))

import course  # noqa: E402
import sandbox  # noqa: E402

REPORT = "nnlab_sandbox"  # the key of the sandbox's verdict in nbconvert's resources
# Worker slots (each its own throwaway uid when grading as root): the formgrader may autograde
# several submissions at once in one server process; each sandbox then runs as a user of its own.
_SLOTS: "queue.Queue[int]" = queue.Queue()
for _slot in range(64):
    _SLOTS.put(_slot)


class SandboxError(RuntimeError):
    """The sandboxed autograde cannot run as configured; the message says what to change."""


def _course_directory(pp):
    """The converter's CourseDirectory (the exporter's parent is nbgrader's converter)."""
    node = pp
    while node is not None:
        coursedir = getattr(node, "coursedir", None)
        if coursedir is not None:
            return coursedir
        node = getattr(node, "parent", None)
    from nbgrader.coursedir import CourseDirectory

    return CourseDirectory(config=pp.config)


class SandboxExecute(Execute):
    """nbgrader's Execute, but the notebook runs in grading/sandbox.py's sandbox (see the module docstring)."""

    def preprocess(self, nb, resources):
        pipeline = getattr(self.parent, "_preprocessors", None)  # the exporter's, in order
        if pipeline is not None and not any(isinstance(pp, SaveSandboxGrades) for pp in pipeline):
            raise SandboxError("SandboxExecute needs SaveSandboxGrades after it (nbgrader's SaveAutoGrades would "
                               "score a passing test that printed a warning as failed): set "
                               "c.Autograde.autograde_preprocessors = nbgrader_sandbox.SANDBOXED_AUTOGRADE")
        info = resources.get("nbgrader") or {}
        missing = [k for k in ("assignment", "notebook", "student") if k not in info]
        if missing:
            raise SandboxError(f"SandboxExecute runs inside `nbgrader autograde`; resources lack {missing}")
        assignment, notebook, student = info["assignment"], info["notebook"], info["student"]
        coursedir = _course_directory(self)
        source_dir = Path(coursedir.root) / coursedir.format_path(coursedir.source_directory, ".", assignment)
        if not source_dir.is_dir():
            raise SandboxError(f"no source folder for assignment {assignment!r}: expected {source_dir}")
        release = Path(coursedir.root) / coursedir.format_path(coursedir.release_directory, ".", assignment)
        reference = release / f"{notebook}.ipynb"
        if not reference.is_file():
            reference = source_dir / f"{notebook}.ipynb"
        reference_nb = nbformat.read(reference, as_version=4) if reference.is_file() else None
        isolation = sandbox.detect()
        if isolation.warning:
            self.log.warning("%s", isolation.warning)
        limits = sandbox.Limits(cell_timeout=int(self.timeout or sandbox.Limits.cell_timeout))
        limits = course.notebook_limit(assignment, limits)
        prepared = nbformat.from_dict(nb)
        slot = _SLOTS.get()
        try:
            result = sandbox.run_notebook(nbformat.writes(prepared), course.assets_in(source_dir), limits, slot=slot,
                                          isolation=isolation,
                                          bindings=course.bindings_of(reference_nb) if reference_nb is not None else [])
        finally:
            _SLOTS.put(slot)
        run = result.result
        executed = prepared
        if run is not None:
            try:
                executed = nbformat.reads(run["notebook"], as_version=4)
            except Exception:
                run = None
        passed, problems = course._score_run(executed.cells, run) if run is not None else ({}, [])
        static = course._static_flags(prepared, reference_nb)
        status, reason = course._classify(result if run is not None else course._Dead(result), problems, static, [])
        if run is None:  # nothing ran: every test scores zero, and the notebook says why
            executed.cells.insert(0, nbformat.v4.new_markdown_cell(f"Not graded: {status}. {reason}"))
        from feedback_filter import neutralise_notebook

        neutralise_notebook(executed)
        level = self.log.info if status == "graded" else self.log.warning
        level("sandboxed autograde of %s/%s/%s (%s, %.0f s, notebook limit %d s): %s%s", student, assignment, notebook,
              isolation.tool, result.seconds, limits.notebook_timeout, status, f": {reason}" if reason else "")
        resources[REPORT] = {"passed": passed, "flagged": status == "flagged", "status": status, "reason": reason,
                             "isolation": isolation.tool}
        return executed, resources


class SaveSandboxGrades(NbGraderPreprocessor):
    """nbgrader's SaveAutoGrades, scoring from SandboxExecute's report with the batch grader's rules."""

    def preprocess(self, nb, resources):
        report = resources.get(REPORT)
        if report is None:
            raise SandboxError("SaveSandboxGrades found no sandbox report: put SandboxExecute before it in "
                               "c.Autograde.autograde_preprocessors (nbgrader_sandbox.SANDBOXED_AUTOGRADE does)")
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            course._record(gb, info["assignment"], info["student"], nb, report["passed"], report["flagged"], None,
                           notebook=info["notebook"])
        return nb, resources


# nbgrader's autograde pipeline (nbgrader.converters.Autograde.autograde_preprocessors) with the
# two steps that run and score students' code replaced.
SANDBOXED_AUTOGRADE = [SandboxExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput, SaveSandboxGrades,
                       AssignLatePenalties, CheckCellMetadata]
