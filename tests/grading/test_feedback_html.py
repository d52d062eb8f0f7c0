"""Feedback HTML carries its own MathJax: no script from the network (the browser test renders it offline)."""

from __future__ import annotations

import re

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
