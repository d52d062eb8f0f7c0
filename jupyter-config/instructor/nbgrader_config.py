"""nbgrader settings of the instructor's JupyterLab (`make instructor`) only.

jupyter-config/lab.py puts this folder first on the Jupyter config path of the instructor's server,
so the Formgrader reads this file (before grading/nbgrader_config.py, the course's own settings).

The exchange: where a released lesson goes, and where the Formgrader looks to call a lesson
"released". It lives inside the course folder (grading/course/exchange, git-ignored), where
`make release` (grading/course.py release) puts every lesson too, so the Formgrader's Release
button and `make release` do the same thing and the Formgrader shows what the make targets did.
(A class on JupyterHub sets its own exchange: deploy/jupyterhub/config/common/nbgrader_config.py.)
"""

import os

c = get_config()  # noqa: F821

_REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
c.Exchange.root = os.path.join(_REPO, "grading", "course", "exchange")
