"""The Formgrader's pages render their maths offline: MathJax 3 served by the instructor's own server.

A Jupyter server extension for ``make instructor`` (``jupyter-config/instructor/``). nbgrader's Manual
Grading page (one submission, ``<base_url>/formgrader/submissions/<id>/``) loads MathJax 2 from
cdnjs.cloudflare.com: without a network its maths stays raw LaTeX, and its script stops at
formgrade.js's first ``MathJax.Hub`` call. This extension

* serves the installed MathJax 3 (package django-static-mathjax, which the feedback HTML inlines
  too) at ``<base_url>/nnlab/mathjax/``, e.g. ``<base_url>/nnlab/mathjax/es5/tex-svg.js``;
* wraps the formgrader's HTML exporter so that each page it renders loads MathJax from there, with
  the part of MathJax 2's API that formgrade.js uses (``feedback_html.served_math``).

MathJax is public code, so its files are served without a login, as the formgrader's own static files are.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jupyter_server.utils import url_path_join
from tornado import web

REPO = Path(__file__).resolve().parent.parent
GRADING = REPO / "grading"
if str(GRADING) not in sys.path:
    sys.path.insert(0, str(GRADING))

import feedback_html  # noqa: E402

ROUTE = "/nnlab/mathjax"


class ServedMathExporter:
    """The formgrader's exporter, its HTML loading MathJax 3 from this server."""

    def __init__(self, exporter, src: str):
        self._exporter, self._src = exporter, src

    def from_filename(self, filename, resources=None, **kw):
        html, resources = self._exporter.from_filename(filename, resources=resources, **kw)
        return feedback_html.served_math(html, self._src), resources

    def from_notebook_node(self, nb, resources=None, **kw):
        html, resources = self._exporter.from_notebook_node(nb, resources=resources, **kw)
        return feedback_html.served_math(html, self._src), resources

    def __getattr__(self, name):
        return getattr(self._exporter, name)


def wrap_exporter(settings: dict) -> bool:
    """Wrap the formgrader's exporter in ``settings`` (once); False when there is no formgrader (yet)."""
    exporter = settings.get("nbgrader_exporter")
    if exporter is None:
        return False
    if not isinstance(exporter, ServedMathExporter):
        src = url_path_join(settings.get("base_url", "/"), ROUTE, "es5", "tex-svg.js")
        settings["nbgrader_exporter"] = ServedMathExporter(exporter, src)
    return True


def _load_jupyter_server_extension(serverapp) -> None:
    webapp = serverapp.web_app
    base_url = webapp.settings["base_url"]
    webapp.add_handlers(".*$", [(url_path_join(base_url, ROUTE, "(.*)"), web.StaticFileHandler,
                                 {"path": str(feedback_html.mathjax_folder())})])
    if not wrap_exporter(webapp.settings):
        # The formgrader loads after this extension: wrap its exporter once the server runs.
        from tornado.ioloop import IOLoop

        IOLoop.current().add_callback(wrap_exporter, webapp.settings)
    serverapp.log.info("nnlab: MathJax for the formgrader's pages served at %s", url_path_join(base_url, ROUTE))


def _jupyter_server_extension_points():
    return [{"module": "nnlab_formgrader_math"}]
