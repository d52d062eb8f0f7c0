"""jupyter_server settings shared by every server of the hub (students' servers and the course service).

No kernel gets the hub's tokens, and the server's own environment cannot be read from its
kernels (see ../../nnlab_kernels.py).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

import nnlab_kernels  # noqa: E402

c = get_config()  # noqa: F821
c.AsyncMappingKernelManager.kernel_manager_class = "nnlab_kernels.TokenlessServerKernelManager"
c.MappingKernelManager.kernel_manager_class = "nnlab_kernels.TokenlessServerKernelManager"
if os.environ.get("JUPYTERHUB_API_TOKEN"):  # started by the hub: it holds a token worth protecting
    nnlab_kernels.make_undumpable()
