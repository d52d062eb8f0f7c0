"""The misconception report, served beside the formgrader (issue 23).

A Jupyter server extension for the instructor's servers: ``make instructor``
(``jupyter-config/instructor/``) and the hub's course service (``deploy/jupyterhub/config/grader/``).
It adds

* ``<base_url>/nnlab/report`` (optionally ``?lesson=01_artificial_neuron``): the report of the
  formgrader's course folder (its autograded notebooks and gradebook), built afresh on each
  request by ``grading/report.py``; ``<base_url>/nnlab/report.csv``: the same data as CSV;
* a "Misconception report" entry at the end of the formgrader's left-hand menu.

Both need a logged-in user of that server (on the hub: the course's instructors and grader); the
page names students, so it is never served anywhere else.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web

REPO = Path(__file__).resolve().parent.parent
GRADING = REPO / "grading"
LESSON = re.compile(r"^\d\d_[a-z0-9_]+$")
MENU_ENTRY = ('<li role="presentation"><a href="{{ base_url }}/nnlab/report" id="nnlab-report-link">'
              'Misconception report</a></li>')


def _course_root(settings: dict) -> Path:
    formgrader = settings.get("nbgrader_formgrader")
    if formgrader is not None:
        try:
            return Path(formgrader.coursedir.root)
        except Exception:  # a formgrader without its course folder: fall back on the repository's
            pass
    return GRADING / "course"


class _ReportHandler(JupyterHandler):
    def _build(self, anonymous: bool = False):
        if str(GRADING) not in sys.path:
            sys.path.insert(0, str(GRADING))
        import report
        from labkit.exercises import diagnosis

        diagnosis._TABLES.clear()  # a long-lived server: read the tables again (mistakes.py build may have run)
        lesson = self.get_argument("lesson", "")
        if lesson and not LESSON.match(lesson):
            raise web.HTTPError(400, f"lesson {lesson!r} is not a lesson name; expected e.g. 01_artificial_neuron")
        out = Path(tempfile.mkdtemp(prefix="nnlab-report-"))
        return report.build(_course_root(self.settings), [lesson] if lesson else None, out, anonymous=anonymous), out


class ReportHandler(_ReportHandler):
    @web.authenticated
    def get(self):
        import shutil

        built, out = self._build(anonymous=self.get_argument("anonymous", "") == "1")
        try:
            page = built["html"].read_text(encoding="utf-8")
        finally:
            shutil.rmtree(out, ignore_errors=True)
        back = url_path_join(self.base_url, "formgrader")
        page = page.replace("<h1>", f"<p><a href='{back}'>&larr; Formgrader</a> &middot; "
                                    f"<a href='{url_path_join(self.base_url, 'nnlab/report.csv')}'>CSV</a></p><h1>", 1)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(page)


class ReportCsvHandler(_ReportHandler):
    @web.authenticated
    def get(self):
        import shutil

        built, out = self._build(anonymous=self.get_argument("anonymous", "") == "1")
        try:
            text = built["csv"][0].read_text(encoding="utf-8")
        finally:
            shutil.rmtree(out, ignore_errors=True)
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        self.set_header("Content-Disposition", 'attachment; filename="misconceptions.csv"')
        self.set_header("Cache-Control", "no-store")
        self.finish(text)


def add_menu_entry(webapp) -> bool:
    """Add the report to the formgrader's menu (its jinja environment's base template); True when done."""
    env = webapp.settings.get("nbgrader_jinja2_env")
    if env is None or getattr(env, "_nnlab_report", False):
        return env is not None
    from jinja2 import ChoiceLoader, FunctionLoader

    original = env.loader

    def load(name):
        if name != "base.tpl":
            return None
        source, filename, uptodate = original.get_source(env, name)
        start = source.find("block sidebar")  # pages replace this block: the entry goes after it
        end = source.find("</ul>", start) if start >= 0 else -1
        if end < 0:
            return None
        return source[:end] + MENU_ENTRY + "\n        " + source[end:], filename, uptodate

    env.loader = ChoiceLoader([FunctionLoader(load), original])
    env.cache.clear() if env.cache is not None else None
    env._nnlab_report = True
    return True


def _load_jupyter_server_extension(serverapp) -> None:
    webapp = serverapp.web_app
    base_url = webapp.settings["base_url"]
    webapp.add_handlers(".*$", [(url_path_join(base_url, r"/nnlab/report"), ReportHandler),
                                (url_path_join(base_url, r"/nnlab/report\.csv"), ReportCsvHandler)])
    if not add_menu_entry(webapp):  # the formgrader may load after this extension
        from tornado.ioloop import IOLoop

        IOLoop.current().add_callback(add_menu_entry, webapp)
    serverapp.log.info("NN Lab: misconception report at %s", url_path_join(base_url, "nnlab/report"))


def _jupyter_server_extension_points():
    return [{"module": "nnlab_report"}]
