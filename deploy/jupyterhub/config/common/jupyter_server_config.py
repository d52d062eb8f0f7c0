"""jupyter_server settings shared by every server of the hub (students' servers and the course service).

No kernel gets the hub's tokens, and the server's own environment cannot be read from its
kernels (see ../../nnlab_kernels.py).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
# jupyter-config/: nnlab_report (the course service's misconception report, enabled in config/grader/).
sys.path.append(os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))))), "jupyter-config"))

import nnlab_kernels  # noqa: E402

c = get_config()  # noqa: F821
c.AsyncMappingKernelManager.kernel_manager_class = "nnlab_kernels.TokenlessServerKernelManager"
c.MappingKernelManager.kernel_manager_class = "nnlab_kernels.TokenlessServerKernelManager"
if os.environ.get("JUPYTERHUB_API_TOKEN"):  # started by the hub: it holds a token worth protecting
    nnlab_kernels.make_undumpable()
    # Every HubAuth of this server gets the token from its configuration, not from os.environ,
    # which the nnlab_kernels server extension empties of it once the server is up.
    c.HubAuth.api_token = os.environ["JUPYTERHUB_API_TOKEN"]
