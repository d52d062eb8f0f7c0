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
"""

from __future__ import annotations

import re

import bleach
from nbgrader.preprocessors import NbGraderPreprocessor

BEGIN = "BEGIN HIDDEN TESTS"
END = "END HIDDEN TESTS"
NOTE = "# Hidden tests ran here too; they are not shown."
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
                for output in cell.get("outputs", []):
                    if output.get("output_type") == "error":
                        output["traceback"] = [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]
        if cell.cell_type != "code":
            cell.source = scrub(cell.source, secrets)
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = scrub(_join(output["text"]), secrets)
            if "evalue" in output:
                output["evalue"] = scrub(str(output["evalue"]), secrets)
            if "traceback" in output:
                output["traceback"] = [scrub(line, secrets) for line in output["traceback"]]
            for mime, value in list(output.get("data", {}).items()):
                if isinstance(value, (str, list)):
                    output["data"][mime] = scrub(_join(value), secrets)
        return cell, resources


class NeutraliseOutputs(NbGraderPreprocessor):
    """Feedback shows no live student HTML or script (the autograded notebook was cleaned already)."""

    def preprocess(self, nb, resources):
        neutralise_notebook(nb)
        return nb, resources
