"""Keep hidden tests and live student HTML out of what students and instructors open.

nbgrader's autograded notebook holds the full test cells, hidden tests included,
and its feedback HTML would show them. ``StripHiddenTests`` runs before the HTML
export: it cuts every ``### BEGIN HIDDEN TESTS ... ### END HIDDEN TESTS``
region and, in a cell that had one, replaces a failure's traceback (which
quotes the hidden code) by its one-line error. A submission can print the hidden
tests it saw run (from the kernel's input history, a hook, ...), so any output
line of any cell that quotes a hidden-test line is dropped too.

Everything a submission's code printed is the student's: ``neutralise_notebook``
(run by the grader on every autograded notebook, and again on feedback by
``StripHiddenTests``) keeps only plain text, PNG/JPEG/GIF images, and
HTML/Markdown cleaned by bleach (no script, style, iframe, event handler or
javascript: link). JavaScript, SVG and other active outputs, and saved widget
state, are replaced by a note; Markdown cells and their attachments get the same.

Feedback is the student's page, not the grading machine's: ``scrub_paths`` shortens every path of
the grader (its Python, site-packages, the course repository, the home folder, the sandbox's
folders) in what any cell shows, and the warning loky (joblib) prints when it cannot count the
grader's cores is dropped (``drop_grader_noise``). A test cell whose visible checks passed and
whose hidden tests then failed says so in its error box: "✘ Hidden tests failed: N of M points
lost", not a bare one-line error under "✔ Visible checks passed".

``GetGradesMarkingUngraded`` is nbgrader's ``GetGrades`` that also marks each answer a person has
not graded yet (a manual answer without a manual score): the feedback template
(``feedback_templates/nnlab_feedback``) shows it as "awaiting grading" and the total as
provisional.
"""

from __future__ import annotations

import os
import re
import site
import sys
import sysconfig
from pathlib import Path

import bleach
from nbgrader.preprocessors import GetGrades, NbGraderPreprocessor

BEGIN = "BEGIN HIDDEN TESTS"
END = "END HIDDEN TESTS"
NOTE = "# Hidden tests ran here too; they are not shown."
VISIBLE_PASSED = "\u2714 Visible checks passed"  # what labkit's passed() prints after a test cell's visible checks
HIDDEN_FAILED = "\u2718 Hidden tests failed"
SAFE_MIME = ("text/plain", "image/png", "image/jpeg", "image/gif", "application/vnd.jupyter.widget-view+json")
CLEANED_MIME = ("text/html", "text/markdown")
ALLOWED_TAGS = sorted(set(bleach.sanitizer.ALLOWED_TAGS) | {
    "p", "div", "span", "br", "hr", "pre", "code", "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3",
    "h4", "h5", "h6", "img", "sub", "sup", "small", "details", "summary", "dl", "dt", "dd"})
ALLOWED_ATTRIBUTES = {"*": ["class", "title", "align"], "a": ["href", "title"], "img": ["src", "alt", "width", "height"],
                      "td": ["colspan", "rowspan"], "th": ["colspan", "rowspan"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto", "data"]


def strip_hidden(source: str) -> tuple[str, bool]:
    """Return the source without its hidden-test regions, and whether there were any."""
    lines, keep, found = [], True, False
    for line in source.split("\n"):
        if BEGIN in line:
            keep, found = False, True
            continue
        if END in line:
            keep = True
            continue
        if keep:
            lines.append(line)
    if found:
        lines.append(NOTE)
    return "\n".join(lines), found


def hidden_lines(nb) -> set[str]:
    """The distinctive lines of every hidden-test region of a notebook."""
    found = set()
    for cell in nb.cells:
        inside = False
        for line in cell.source.split("\n"):
            if BEGIN in line:
                inside = True
            elif END in line:
                inside = False
            elif inside and len(line.strip()) >= 12 and not line.strip().startswith("#"):
                found.add(line.strip())
    return found


ACTIVE_BLOCKS = re.compile(r"<\s*(script|style|iframe|object|embed|template)\b.*?(<\s*/\s*\1\s*>|$)",
                           re.IGNORECASE | re.DOTALL)


def clean_html(text: str) -> str:
    """Student HTML with everything active removed (script, style, handlers, javascript: links)."""
    text = ACTIVE_BLOCKS.sub("", text)
    return bleach.clean(text, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS,
                        strip=True, strip_comments=True)


def _join(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def neutralise_output(output) -> None:
    """Keep only inert MIME types of a display/execute_result output, HTML cleaned."""
    data = output.get("data")
    if not isinstance(data, dict):
        return
    dropped = []
    for mime in list(data):
        if mime in CLEANED_MIME:
            data[mime] = clean_html(_join(data[mime]))
        elif mime not in SAFE_MIME:
            dropped.append(mime)
            del data[mime]
    if dropped and "text/plain" not in data:
        data["text/plain"] = f"[output of type {', '.join(dropped)} removed by the grader]"
    output["metadata"] = {}


def neutralise_notebook(nb) -> None:
    """Make every output and Markdown cell of a graded notebook inert (see the module docstring)."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = clean_html(cell.source)
            for name, bundle in list(cell.get("attachments", {}).items()):
                cell.attachments[name] = {k: v for k, v in bundle.items() if k in SAFE_MIME}
        elif cell.cell_type == "raw":
            cell.metadata.pop("format", None)
            cell.metadata.pop("raw_mimetype", None)
        for output in cell.get("outputs", []):
            neutralise_output(output)


def scrub(text: str, secrets: set[str]) -> str:
    """``text`` without the lines that quote one of ``secrets``."""
    if not secrets or not any(s in text for s in secrets):
        return text
    return "\n".join(l if not any(s in l for s in secrets) else "[line removed: it quoted a hidden test]"
                     for l in text.split("\n"))


def grader_paths() -> list[str]:
    """Folders of the grading machine that feedback must not show, longest first."""
    repo = Path(__file__).resolve().parent.parent
    found = {sys.prefix, sys.base_prefix, sys.exec_prefix, str(repo), str(Path.home()), "/grade/work",
             "/grade/scratch", "/grade"}
    for key in ("purelib", "platlib", "stdlib", "platstdlib"):
        found.add(sysconfig.get_paths().get(key) or "")
    try:
        found.update(site.getsitepackages())
    except AttributeError:  # some virtualenvs' site module
        pass
    found.update(str(Path(p).resolve()) for p in list(found) if p)
    return sorted((p.rstrip(os.sep) for p in found if p and len(p.rstrip(os.sep)) > 1), key=len, reverse=True)


def _path_pattern(paths: tuple[str, ...]) -> re.Pattern:
    # a path starts a word (or follows an ANSI colour code, as in IPython's tracebacks)
    return re.compile(r"(^|[^\w./-]|\x1b\[[0-9;]*m)(?:" + "|".join(re.escape(p) for p in paths)
                      + r")(?:/+|(?=[\s'\":,)\]\x1b]|$))", re.M)


_PATTERNS: dict[tuple[str, ...], re.Pattern] = {}


def scrub_paths(text: str, paths: list[str] | None = None) -> str:
    """``text`` with every grader folder cut from the paths it quotes.

    ``/srv/nnlab/.venv/lib/python3.11/site-packages/joblib/parallel.py`` becomes ``joblib/parallel.py``,
    ``/srv/nnlab/labkit/checks.py`` becomes ``labkit/checks.py``: the file is still named, the machine is not.
    """
    key = tuple(grader_paths() if paths is None else paths)
    if not key or not isinstance(text, str) or "/" not in text:
        return text
    pattern = _PATTERNS.get(key) or _PATTERNS.setdefault(key, _path_pattern(key))
    return pattern.sub(r"\1", text)


LOKY_WARNING = "Could not find the number of physical cores"


def drop_grader_noise(text: str) -> str:
    """``text`` without the warning loky (joblib) prints when it cannot count the grading machine's cores.

    It names the grader's files and is about the grader, not the answer: its message (up to the
    line that mentions LOKY_MAX_CPU_COUNT) and the indented traceback lines after it are dropped.
    """
    if LOKY_WARNING not in text:
        return text
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        if LOKY_WARNING not in lines[i]:
            out.append(lines[i])
            i += 1
            continue
        end = next((j for j in range(i, min(i + 12, len(lines))) if "LOKY_MAX_CPU_COUNT" in lines[j]), i)
        i = end + 1
        while i < len(lines) and (lines[i].startswith((" ", "\t")) or lines[i].startswith("Traceback")):
            i += 1
    return "\n".join(out)


def _hidden_failure(cell, error) -> str:
    """The label of a test cell whose visible checks passed and whose hidden tests raised ``error``."""
    meta = cell.metadata.get("nbgrader", {})
    points, score = meta.get("points"), meta.get("score")
    lost = ""
    if isinstance(points, (int, float)) and isinstance(score, (int, float)):
        lost = f": {points - score:g} of {points:g} point{'s' if points != 1 else ''} lost"
    first = next((l.strip() for l in str(error.get("evalue") or "").split("\n") if l.strip()), "")
    detail = f"{error.get('ename', 'Error')}" + (f": {first}" if first else "")  # (not the hidden values it printed)
    # Short lines: an error box does not wrap, and a longer line runs out of it (the student would scroll).
    return (f"\x1b[1;31m{HIDDEN_FAILED}{lost}.\x1b[0m\nThe grader's own tests of this exercise (not shown) "
            f"did not pass on your\nanswer, although the visible checks above did.\n{detail}")


class GetGradesMarkingUngraded(GetGrades):
    """nbgrader's GetGrades, and each answer nobody has graded yet marked ``awaiting_grading``.

    An answer graded by hand (a written response) has no score until a person gives one in the
    Formgrader; nbgrader's feedback would show it as 0. ``resources['nbgrader']['awaiting']`` counts them.
    """

    def preprocess(self, nb, resources):
        self._awaiting = 0
        nb, resources = super().preprocess(nb, resources)
        resources["nbgrader"]["awaiting"] = self._awaiting
        return nb, resources

    def _get_score(self, cell, resources):
        super()._get_score(cell, resources)
        grade = self.gradebook.find_grade(cell.metadata["nbgrader"]["grade_id"], self.notebook_id,
                                          self.assignment_id, self.student_id)
        waiting = grade.manual_score is None and grade.auto_score is None
        cell.metadata.nbgrader["awaiting_grading"] = waiting
        self._awaiting += int(waiting)


class StripHiddenTests(NbGraderPreprocessor):
    """Remove hidden tests (and tracebacks or printed lines that quote them) from feedback."""

    def preprocess(self, nb, resources):
        self._secrets = hidden_lines(nb)
        neutralise_notebook(nb)  # also here, so feedback is clean whatever produced the notebook
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        secrets = getattr(self, "_secrets", set())
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade"):
            cell.source, found = strip_hidden(cell.source)
            if found:
                visible_passed = False
                for output in cell.get("outputs", []):
                    if output.get("output_type") == "stream" and VISIBLE_PASSED in _join(output.get("text", "")):
                        visible_passed = True
                    if output.get("output_type") == "error":
                        output["traceback"] = [_hidden_failure(cell, output) if visible_passed else
                                               f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]
        if cell.cell_type != "code":
            cell.source = scrub(cell.source, secrets)
        paths = getattr(self, "_paths", None) or grader_paths()
        self._paths = paths
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = scrub_paths(drop_grader_noise(scrub(_join(output["text"]), secrets)), paths)
            if "evalue" in output:
                output["evalue"] = scrub_paths(scrub(str(output["evalue"]), secrets), paths)
            if "traceback" in output:
                output["traceback"] = [scrub_paths(scrub(line, secrets), paths) for line in output["traceback"]]
            for mime, value in list(output.get("data", {}).items()):
                if isinstance(value, (str, list)):
                    output["data"][mime] = scrub_paths(scrub(_join(value), secrets), paths)
        if "outputs" in cell:  # a stream left empty (it held only grader noise) is not shown
            cell["outputs"] = [o for o in cell.outputs
                               if not (o.get("output_type") == "stream" and not _join(o.get("text", "")).strip())]
        return cell, resources


class NeutraliseOutputs(NbGraderPreprocessor):
    """Feedback shows no live student HTML or script (the autograded notebook was cleaned already)."""

    def preprocess(self, nb, resources):
        neutralise_notebook(nb)
        return nb, resources
