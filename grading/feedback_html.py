"""Feedback HTML that renders its maths offline.

nbgrader's feedback template loads MathJax 2 from a CDN (cdnjs.cloudflare.com), so
a student reading the feedback offline sees raw ``$...$``. ``OfflineMathHTMLExporter``
is the HTML exporter nbgrader uses for feedback (``GenerateFeedback.exporter_class`` in
nbgrader_config.py): after the template has rendered it removes every script loaded
from the network and inlines MathJax 3 (``tex-svg.js``, self-contained: fonts drawn as
SVG paths) from the installed ``django-static-mathjax`` package. The feedback file then
renders its maths anywhere, with no network and nothing beside it (about 2 MB each).

The Formgrader's Manual Grading pages (nbgrader's ``formgrade`` template) load MathJax 2 from the
same CDN, and nbgrader's formgrade.js calls MathJax 2's ``MathJax.Hub``. :func:`served_math` gives
those pages MathJax 3 from a URL of the instructor's own server (``jupyter-config/nnlab_formgrader_math.py``
serves the package's files there) and the small part of ``MathJax.Hub`` that formgrade.js uses.
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


def mathjax_folder() -> Path:
    """The installed MathJax 3 distribution (``es5/tex-svg.js`` and the components it may load)."""
    spec = importlib.util.find_spec("mathjax")
    for location in list(spec.submodule_search_locations or []) if spec else []:
        folder = Path(location) / "static" / "mathjax"
        if (folder / "es5" / "tex-svg.js").exists():
            return folder
    raise FileNotFoundError("MathJax is not installed (package django-static-mathjax, a dependency in "
                            "pyproject.toml): run `.venv/bin/pip install -e .`")


@lru_cache(maxsize=1)
def mathjax_source() -> str:
    """MathJax 3's self-contained ``es5/tex-svg.js`` from the installed package."""
    path = mathjax_folder() / "es5" / "tex-svg.js"
    return path.read_text(encoding="utf-8").replace("</script", "<\\/script")


# What formgrade.js (nbgrader 0.9) asks of MathJax 2: MathJax.Hub.Startup.signal.Interest(f), which calls
# f("End") once the page is typeset; and MathJax.Hub.Queue. MathJax 3 answers through startup.promise.
MATHJAX2_SHIM = """<script>
(function () {
  var M = window.MathJax, waiting = [], done = false;
  function end() { done = true; waiting.splice(0).forEach(function (f) { try { f("End"); } catch (e) { console.error(e); } }); }
  if (!M.Hub) {
    M.Hub = {Startup: {signal: {Interest: function (f) { if (done) { f("End"); } else { waiting.push(f); } }}},
             Queue: function () { if (M.typesetPromise) { M.typesetPromise(); } }};
  }
  if (M.startup && M.startup.promise) { M.startup.promise.then(end, end); } else { end(); }
})();
</script>"""


def _with_math(html: str, tags: str) -> str:
    """``html`` without network scripts or MathJax 2's configuration, with ``tags`` before ``</head>``."""
    html = _REMOTE_SCRIPT.sub("", html)
    html = _MATHJAX2_CONFIG.sub("", html)
    head_end = html.find("</head>")
    if head_end < 0:
        return tags + html
    return html[:head_end] + tags + html[head_end:]


def served_math(html: str, src: str) -> str:
    """``html`` without network scripts, loading MathJax 3 from ``src`` (a URL of the same server)."""
    return _with_math(html, f'{MATHJAX_CONFIG}\n<script src="{src}"></script>\n{MATHJAX2_SHIM}\n')


def offline_math(html: str) -> str:
    """``html`` without network scripts, with MathJax 3 inlined before ``</head>``."""
    return _with_math(html, f"{MATHJAX_CONFIG}\n<script>{mathjax_source()}</script>\n")


class OfflineMathHTMLExporter(HTMLExporter):
    """nbconvert's HTML exporter, then :func:`offline_math` on its output."""

    def from_notebook_node(self, nb, resources=None, **kw):
        output, resources = super().from_notebook_node(nb, resources=resources, **kw)
        return offline_math(output), resources
