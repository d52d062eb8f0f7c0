"""The learner's Validate button: each failing cell's message first, its source behind a disclosure.

nbgrader's Validate dialog lists, for each failing test cell, "The following cell failed:", the
cell's whole source (often 40 lines of checks), then the error. This server extension answers
the same request (``POST /assignments/validate``, nbgrader's own handler and Validator doing the
work) and reorders each failure: the dialog's first block is the one-line message the check gave
(``✘ weighted_sum(...) returned 11, expected 16.`` and its hint), and the cell's source and the
full error sit in a collapsed "Show the test cell and the full error" section.

The learner's lab (``jupyter-config/learner/jupyter_server_config.json``) enables this module in
place of ``nbgrader.server_extensions.validate_assignment``; lab.py puts this folder on the
server's ``PYTHONPATH``.
"""

from __future__ import annotations

import html
import re

from jupyter_server.utils import url_path_join
from nbgrader.server_extensions.validate_assignment import handlers as nbgrader_validate

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def message_of(raw_error: str) -> str:
    """The message a learner should read first: labkit's ✘ paragraph, else Python's last line."""
    lines = [line.rstrip() for line in _ANSI.sub("", raw_error or "").strip().splitlines()]
    if not lines:
        return "This cell did not pass."
    if lines[0].lstrip().startswith("\u2718"):
        paragraph = []
        for line in lines:
            if not line.strip():
                break
            paragraph.append(line)
        return "\n".join(paragraph)
    meaningful = [line for line in lines if line.strip() and not set(line.strip()) <= set("-^~ ")]
    return meaningful[-1] if meaningful else lines[0]


def message_first(failure: dict) -> dict:
    """One entry of the Validator's ``failed`` list, reordered for the dialog."""
    source = failure.get("source", "")
    n = len(source.splitlines())
    details = ('<details class="nnlab-validate-details"><summary>Show the test cell '
               f'({n} line{"s" if n != 1 else ""}) and the full error</summary>'
               f'<div style="white-space: pre">{html.escape(source)}</div><hr>'
               f'<div style="white-space: pre">{failure.get("error", "")}</div></details>')
    return {**failure, "source": message_of(failure.get("raw_error", "")), "error": details}


class MessageFirstValidateHandler(nbgrader_validate.ValidateAssignmentHandler):
    """nbgrader's handler, with each failure's message first."""

    def validate_notebook(self, path):
        result = super().validate_notebook(path)
        value = result.get("value") if result.get("success") else None
        if isinstance(value, dict) and value.get("failed"):
            value["failed"] = [message_first(f) for f in value["failed"]]
        return result


def _load_jupyter_server_extension(serverapp) -> None:
    webapp = serverapp.web_app
    webapp.settings["root_dir"] = serverapp.root_dir
    base_url = webapp.settings["base_url"]
    handlers = [(r"/assignments/validate", MessageFirstValidateHandler),
                (r"/nbgrader_version", nbgrader_validate.NbGraderVersionHandler)]
    webapp.add_handlers(".*$", [(url_path_join(base_url, pattern), handler) for pattern, handler in handlers])
    serverapp.log.info("NN Lab: Validate shows each failing cell's message first")


def _jupyter_server_extension_points():
    return [{"module": "nnlab_validate"}]
