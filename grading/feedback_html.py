"""Feedback HTML that renders its maths offline.

nbgrader's feedback template loads MathJax 2 from a CDN (cdnjs.cloudflare.com), so
a student reading the feedback offline sees raw ``$...$``. ``OfflineMathHTMLExporter``
is the HTML exporter nbgrader uses for feedback (``GenerateFeedback.exporter_class`` in
nbgrader_config.py): after the template has rendered it removes every script loaded
from the network and inlines MathJax 3 (``tex-svg.js``, self-contained: fonts drawn as
SVG paths) from the installed ``django-static-mathjax`` package. The feedback file then
renders its maths anywhere, with no network and nothing beside it (about 2 MB each).
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from nbconvert.exporters import HTMLExporter

# <script src="http(s)://...">...</script> and MathJax 2's configuration block.
_REMOTE_SCRIPT = re.compile(r"<script[^>]*\bsrc=[\"']https?://[^\"']*[\"'][^>]*>\s*</script>", re.I)
_MATHJAX2_CONFIG = re.compile(r"<script type=\"text/x-mathjax-config\">.*?</script>", re.S)

MATHJAX_CONFIG = """<script>
window.MathJax = {
  tex: {inlineMath: [['$', '$'], ['\\\\(', '\\\\)']], displayMath: [['$$', '$$'], ['\\\\[', '\\\\]']],
        processEscapes: true, processEnvironments: true},
  svg: {fontCache: 'global'},
  options: {ignoreHtmlClass: 'tex2jax_ignore', processHtmlClass: 'tex2jax_process'}
};
</script>"""


@lru_cache(maxsize=1)
def mathjax_source() -> str:
    """MathJax 3's self-contained ``es5/tex-svg.js`` from the installed package."""
    spec = importlib.util.find_spec("mathjax")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        path = Path(location) / "static" / "mathjax" / "es5" / "tex-svg.js"
        if path.exists():
            return path.read_text(encoding="utf-8").replace("</script", "<\\/script")
    raise FileNotFoundError("MathJax is not installed (package django-static-mathjax, a dependency in "
                            "pyproject.toml): run `.venv/bin/pip install -e .`")


def offline_math(html: str) -> str:
    """``html`` without network scripts, with MathJax 3 inlined before ``</head>``."""
    html = _REMOTE_SCRIPT.sub("", html)
    html = _MATHJAX2_CONFIG.sub("", html)
    inline = f"{MATHJAX_CONFIG}\n<script>{mathjax_source()}</script>\n"
    head_end = html.find("</head>")
    if head_end < 0:
        return inline + html
    return html[:head_end] + inline + html[head_end:]


class OfflineMathHTMLExporter(HTMLExporter):
    """nbconvert's HTML exporter, then :func:`offline_math` on its output."""

    def from_notebook_node(self, nb, resources=None, **kw):
        output, resources = super().from_notebook_node(nb, resources=resources, **kw)
        return offline_math(output), resources
