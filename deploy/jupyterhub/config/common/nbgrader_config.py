"""nbgrader settings shared by every server of the hub (students, instructors, the formgrader).

JupyterHub puts this folder on JUPYTER_CONFIG_PATH (see ../../jupyterhub_config.py) and passes
the course id and the exchange root in NNLAB_COURSE_ID and NNLAB_EXCHANGE.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from nbgrader.auth import JupyterHubAuthPlugin  # noqa: E402

from nnlab_exchange import FACTORY  # noqa: E402

c = get_config()  # noqa: F821

c.CourseDirectory.course_id = os.environ.get("NNLAB_COURSE_ID", "nnlab")
c.Exchange.root = os.environ.get("NNLAB_EXCHANGE", "/srv/nbgrader/exchange")
# Assignments land in ~/<course>/<lesson>/ and courses come from the hub's groups
# (nbgrader-<course> for students, formgrade-<course> for instructors), as in nbgrader's
# demos/demo_multiple_classes.
c.Exchange.path_includes_course = True
c.Authenticator.plugin_class = JupyterHubAuthPlugin
for _kind, _cls in FACTORY.items():
    setattr(c.ExchangeFactory, _kind, _cls)
# The Validate button (nbgrader validate, run inside the server) starts its kernel without the
# hub's tokens (nnlab_kernels.py).
c.NotebookClient.kernel_manager_class = "nnlab_kernels.TokenlessKernelManager"
# Validate gives each cell what grading gives it (grading/nbgrader_config.py), not nbgrader's
# 30 s: when a whole class presses Validate at once on a small server, a cell waits for the CPU
# (bench_hub.py: 20 students on 2 busy cores, every Validate failed with "Timeout waiting for
# execute reply (30s)").
c.Execute.timeout = int(os.environ.get("NNLAB_CELL_TIMEOUT", "60"))
c.Execute.startup_timeout = 120
