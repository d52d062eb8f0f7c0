"""Feedback HTML carries its own MathJax: no script from the network (the browser test renders it offline)."""

from __future__ import annotations

import json
import re

import course
import feedback_html


def test_offline_math_drops_remote_scripts_and_inlines_mathjax():
    html = ('<html><head><script src="https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/latest.js?config=X"> '
            '</script><script type="text/x-mathjax-config">init_mathjax();</script></head>'
            '<body><p>$w \\cdot x + b$</p></body></html>')
    out = feedback_html.offline_math(html)
    assert not re.search(r"<script[^>]*src=", out) and "text/x-mathjax-config" not in out
    head = out[:out.index("</head>")]
    assert "window.MathJax = {" in head and "MathJax" in feedback_html.mathjax_source()
    assert len(head) > 1_000_000  # MathJax 3's tex-svg.js, inlined whole
    assert "</script" not in feedback_html.mathjax_source()  # cannot end its own <script> early
    assert out.endswith("<body><p>$w \\cdot x + b$</p></body></html>")


def test_the_course_configuration_uses_the_offline_exporter():
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    import course

    config = PyFileConfigLoader("nbgrader_config.py", path=str(course.GRADING)).load_config()
    assert isinstance(config, Config)
    assert config.GenerateFeedback.exporter_class is feedback_html.OfflineMathHTMLExporter


# Feedback is the student's page (issue 24, item 10): no path of the grading machine, no grader
# noise, and a failed hidden test labelled as failed.

def test_scrub_paths_names_the_file_not_the_machine():
    import feedback_filter

    paths = ["/srv/nnlab/.venv/lib/python3.11/site-packages", "/srv/nnlab/.venv", "/srv/nnlab", "/grade/work"]
    text = ('File \x1b[0;32m/srv/nnlab/.venv/lib/python3.11/site-packages/numpy/linalg/_linalg.py:609\x1b[0m, in inv\n'
            '  File "/srv/nnlab/labkit/checks.py", line 12, in check_close\n'
            'see /srv/nnlab and /srv/nnlabother/x and /home/me/srv/nnlab/y, /grade/work/01_x.ipynb')
    out = feedback_filter.scrub_paths(text, paths)
    assert "\x1b[0;32mnumpy/linalg/_linalg.py:609" in out and '"labkit/checks.py"' in out
    assert "/srv/nnlab/" not in out.replace("/home/me/srv/nnlab/y", "") and "01_x.ipynb" in out
    assert "/srv/nnlabother/x" in out and "/home/me/srv/nnlab/y" in out  # other folders are left alone
    assert all(p in feedback_filter.grader_paths() for p in (str(course.REPO),))


def test_loky_core_count_warning_is_dropped_and_the_rest_kept():
    import feedback_filter

    text = ("/x/.venv/lib/python3.11/site-packages/joblib/externals/loky/backend/context.py:136: UserWarning: Could "
            "not find the number of physical cores for the following reason:\n"
            "[Errno 2] No such file or directory: 'lscpu'\n"
            "Returning the number of logical cores instead. You can silence this warning by setting "
            "LOKY_MAX_CPU_COUNT to the number of cores you want to use.\n"
            "  warnings.warn(\n"
            '  File "/x/.venv/lib/python3.11/site-packages/joblib/externals/loky/backend/context.py", line 257, in c\n'
            "    cpu_info = subprocess.run(\n"
            "my own warning: learning rate too high\n")
    assert feedback_filter.drop_grader_noise(text) == "my own warning: learning rate too high\n"


def _graded_test_cell(outputs, score=0.0, points=2.0):
    import nbformat

    cell = nbformat.v4.new_code_cell("check_close(f(1), 2)\npassed('f works.')\n### BEGIN HIDDEN TESTS\n"
                                     "assert f(123456) == 246912, 'hidden values'\n### END HIDDEN TESTS\n")
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "f_tests", "points": points,
                                 "score": score, "locked": True, "schema_version": 3}
    cell.outputs = outputs
    return cell


def test_a_failed_hidden_test_is_labelled_with_the_points_lost():
    import nbformat

    import feedback_filter

    ok = nbformat.v4.new_output("stream", name="stdout", text="\u2714 Visible checks passed: f works.\n")
    err = nbformat.v4.new_output("error", ename="AssertionError", evalue="",
                                 traceback=["Traceback", "assert f(123456) == 246912, 'hidden values'"])
    nb = nbformat.v4.new_notebook(cells=[_graded_test_cell([ok, err])])
    nb, _ = feedback_filter.StripHiddenTests().preprocess(nb, {})
    (shown,) = [o for o in nb.cells[0].outputs if o.output_type == "error"]
    text = "\n".join(shown.traceback)
    assert "\u2718 Hidden tests failed: 2 of 2 points lost." in text and "AssertionError" in text
    # short lines: the feedback's error box does not wrap (the browser test measures it)
    assert max(len(re.sub(r"\x1b\[[0-9;]*m", "", line)) for line in text.split("\n")) <= 80, text
    assert "123456" not in text and "BEGIN HIDDEN" not in nb.cells[0].source


def test_a_failed_visible_check_keeps_its_message_unlabelled():
    import nbformat

    import feedback_filter

    err = nbformat.v4.new_output("error", ename="AssertionError", evalue="f(1) returned 3, expected 2.",
                                 traceback=["Traceback", "long frames"])
    nb = nbformat.v4.new_notebook(cells=[_graded_test_cell([err])])
    nb, _ = feedback_filter.StripHiddenTests().preprocess(nb, {})
    assert nb.cells[0].outputs[0].traceback == ["AssertionError: f(1) returned 3, expected 2."]


def test_the_feedback_template_marks_answers_awaiting_grading():
    """A written response with no score yet reads 'awaiting grading', the total 'so far' and provisional."""
    from traitlets.config.loader import PyFileConfigLoader

    import nbformat

    config = PyFileConfigLoader("nbgrader_config.py", path=str(course.GRADING)).load_config()
    exporter = feedback_html.OfflineMathHTMLExporter(config=config)
    answer = nbformat.v4.new_markdown_cell("My reading: the model relies on $x_1$.")
    answer.metadata["nbgrader"] = {"grade": True, "solution": True, "grade_id": "reading", "points": 2.0,
                                   "score": 0.0, "awaiting_grading": True, "schema_version": 3}
    graded = nbformat.v4.new_markdown_cell("Another reading.")
    graded.metadata["nbgrader"] = {"grade": True, "solution": True, "grade_id": "reading2", "points": 2.0,
                                   "score": 1.5, "awaiting_grading": False, "schema_version": 3}
    nb = nbformat.v4.new_notebook(cells=[answer, graded])
    resources = {"nbgrader": {"notebook": "21_x", "score": 1.5, "max_score": 4.0, "late_penalty": 0, "awaiting": 1}}
    html, _ = exporter.from_notebook_node(nb, resources=resources)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[html.index("<body"):]))
    assert "Score so far: 1.5 / 4.0" in text and "Provisional: 1 answer graded by hand is awaiting grading" in text
    assert len(re.findall(r"awaiting grading ?, 2\.0 points", text)) == 2  # its table-of-contents line and its heading
    assert "Score: 1.5 / 2.0" in text and "Score: 0.0 / 2.0" not in text


# The Formgrader's Manual Grading pages (issue 24, item 8): MathJax from the instructor's own server.

def test_served_math_drops_the_cdn_and_loads_mathjax_from_the_server():
    html = ('<html><head><script src="https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/latest.js?config=X"> '
            '</script><script type="text/x-mathjax-config">init_mathjax();</script>'
            '<script src="/formgrader/static/js/formgrade.js"></script></head>'
            '<body><p>$w \\cdot x + b$</p></body></html>')
    src = "/base/nnlab/mathjax/es5/tex-svg.js"
    out = feedback_html.served_math(html, src)
    assert "cdnjs" not in out and "text/x-mathjax-config" not in out
    head = out[:out.index("</head>")]
    assert f'<script src="{src}"></script>' in head and "window.MathJax = {" in head
    # the part of MathJax 2 that formgrade.js calls, after MathJax 3 is loaded
    assert head.index(src) < head.index("M.Hub = {Startup: {signal: {Interest:")
    assert '<script src="/formgrader/static/js/formgrade.js"></script>' in head  # the server's own scripts stay
    assert len(head) < 10_000  # loaded from the server, not inlined
    assert out.endswith("<body><p>$w \\cdot x + b$</p></body></html>")


def _formgrader_math_extension():
    import importlib.util

    path = course.REPO / "jupyter-config" / "nnlab_formgrader_math.py"
    spec = importlib.util.spec_from_file_location("nnlab_formgrader_math_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_instructor_server_serves_mathjax_and_wraps_the_formgraders_exporter():
    """nnlab_formgrader_math, loaded as the instructor's server loads it: tex-svg.js served, exporter wrapped."""
    import asyncio
    import logging
    from types import SimpleNamespace

    import nbformat
    from nbconvert import HTMLExporter
    from tornado import httpclient, web

    ext = _formgrader_math_extension()
    config = json.loads((course.REPO / "jupyter-config" / "instructor" / "jupyter_server_config.json").read_text())
    assert config["ServerApp"]["jpserver_extensions"].get("nnlab_formgrader_math") is True

    async def serve_and_fetch():
        app = web.Application(base_url="/base/", nbgrader_exporter=HTMLExporter())
        ext._load_jupyter_server_extension(SimpleNamespace(web_app=app, log=logging.getLogger("test")))
        server = app.listen(0, address="127.0.0.1")
        port = next(iter(server._sockets.values())).getsockname()[1]
        try:
            reply = await httpclient.AsyncHTTPClient().fetch(f"http://127.0.0.1:{port}/base/nnlab/mathjax/es5/tex-svg.js")
        finally:
            server.stop()
        return app, reply

    app, reply = asyncio.run(serve_and_fetch())
    assert reply.code == 200 and reply.body.decode() == feedback_html.mathjax_source().replace("<\\/script", "</script")
    exporter = app.settings["nbgrader_exporter"]
    assert isinstance(exporter, ext.ServedMathExporter)
    html, _ = exporter.from_notebook_node(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("$x^2$")]))
    assert '<script src="/base/nnlab/mathjax/es5/tex-svg.js"></script>' in html
    assert "cdnjs.cloudflare.com/ajax/libs/mathjax" not in html  # (nbconvert's mermaid loader stays: it asks only for diagrams)
    assert ext.wrap_exporter(app.settings) and app.settings["nbgrader_exporter"] is exporter  # wrapped once
