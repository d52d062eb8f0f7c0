"""Kernels without the hub's tokens: what a student's code runs in never holds a credential.

Every JupyterLab server started by the hub (students' servers and the course service of the
grader) gets the hub's API token in its environment (``JUPYTERHUB_API_TOKEN``, ``JPY_API_TOKEN``):
the server needs it to check who is calling. A kernel inherits the server's environment, so any
cell could read the token and call the hub's API with the server's rights (the course service's
token may list users and change groups). Here:

* every kernel the server starts (notebooks, consoles) comes from ``TokenlessServerKernelManager``
  (``config/common/jupyter_server_config.py``), and every kernel nbgrader's Validate button or
  ``nbgrader validate`` starts comes from ``TokenlessKernelManager`` (``NotebookClient.kernel_manager_class``
  in ``config/common/nbgrader_config.py``): both remove :func:`secret_names` from the kernel's
  environment just before it is launched (after the kernel spec's own ``env`` is applied);
* the server keeps its token in memory only: as a server extension (``nnlab_kernels``, enabled in
  ``config/{user,grader}/jupyter_server_config.json``) it reads the token into JupyterHub's
  ``HubOAuth`` and nbgrader's JupyterHub plugin, then removes ``JUPYTERHUB_API_TOKEN`` and
  ``JPY_API_TOKEN`` from ``os.environ``: nothing the server starts later inherits it, whatever
  starts it (kernels, terminals, the grading sandbox's ``bwrap``, whose own process a submission
  could otherwise read through ``/proc/1/environ``);
* the server process makes itself non-dumpable (``prctl(PR_SET_DUMPABLE, 0)``, also in
  ``jupyter_server_config.py``): its ``/proc/<pid>/environ`` and memory can no longer be read by
  processes of the same account, such as its kernels (a kernel is dumpable again after its own
  ``exec``, which is harmless: it holds nothing).
"""

from __future__ import annotations

import ctypes
import os
import re

from jupyter_client.manager import AsyncKernelManager, KernelManager

# Kept: the notebook's path (ipykernel's __session__) and the parent pid ipykernel polls.
KEEP = {"JPY_SESSION_NAME", "JPY_PARENT_PID"}
_SECRET = re.compile(r"^(JUPYTERHUB_|JPY_)|TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|CREDENTIAL", re.I)


def secret_names(env: dict[str, str]) -> list[str]:
    """The variables a kernel must not inherit: the hub's (JUPYTERHUB_*, JPY_*) and anything named like a secret."""
    return sorted(k for k in env if k not in KEEP and _SECRET.search(k))


def scrubbed(env: dict[str, str] | None) -> dict[str, str]:
    env = dict(os.environ if env is None else env)
    for name in secret_names(env):
        del env[name]
    return env


class _Tokenless:
    async def _async_launch_kernel(self, kernel_cmd, **kw):
        kw["env"] = scrubbed(kw.get("env"))
        return await super()._async_launch_kernel(kernel_cmd, **kw)


class TokenlessKernelManager(_Tokenless, AsyncKernelManager):
    """nbclient's kernel manager (Validate, nbgrader validate) without the hub's tokens."""


class TokenlessBlockingKernelManager(_Tokenless, KernelManager):
    """The same for code that uses jupyter_client's blocking KernelManager."""


try:
    from jupyter_server.services.kernels.kernelmanager import ServerKernelManager

    class TokenlessServerKernelManager(_Tokenless, ServerKernelManager):
        """jupyter_server's kernel manager (notebooks, consoles) without the hub's tokens."""
except ImportError:  # jupyter_server absent: only nbclient's manager is needed
    pass


def make_undumpable() -> bool:
    """prctl(PR_SET_DUMPABLE, 0) on this process: /proc/<pid>/environ and ptrace are closed to its own uid."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(4, 0, 0, 0, 0) == 0  # PR_SET_DUMPABLE = 4
    except (OSError, AttributeError):
        return False


def _hub_auths(serverapp):
    """Every HubAuth of this server: the identity provider's and each extension app's (JupyterHubSingleUser's)."""
    found = [getattr(getattr(serverapp, "identity_provider", None), "hub_auth", None)]
    manager = getattr(serverapp, "extension_manager", None)
    for package in getattr(manager, "extensions", {}).values():
        for point in getattr(package, "extension_points", {}).values():
            app = getattr(point, "app", None)
            found.append(getattr(app, "hub_auth", None) if app is not None else None)
    return [a for a in found if a is not None]


def hide_hub_token(serverapp=None) -> bool:
    """Keep the hub's token in this process's memory only; True when there was one to hide.

    Each HubAuth of the server (the identity provider's, and JupyterHubSingleUser's own, which
    reports activity to the hub) reads the token now and keeps it; ``jupyter_server_config.py`` also
    gives it to any HubAuth made later (``c.HubAuth.api_token``). nbgrader's JupyterHub plugin reads
    ``os.environ`` on every call, so it is given the token directly. Then the variables are removed,
    and every process started afterwards lacks them.
    """
    token = os.environ.get("JUPYTERHUB_API_TOKEN") or os.environ.get("JPY_API_TOKEN")
    auths = _hub_auths(serverapp) if serverapp is not None else []
    for auth in auths:
        if not auth.api_token and token:
            auth.api_token = token
        token = token or auth.api_token
    if not token:
        return False
    try:
        import nbgrader.auth.jupyterhub as nbgrader_hub

        nbgrader_hub.get_jupyterhub_authorization = lambda: {"Authorization": f"token {token}"}
    except ImportError:
        pass
    for name in ("JUPYTERHUB_API_TOKEN", "JPY_API_TOKEN"):
        os.environ.pop(name, None)
    return True


def _jupyter_server_extension_points():
    return [{"module": "nnlab_kernels"}]


def _load_jupyter_server_extension(serverapp):
    if hide_hub_token(serverapp):
        serverapp.log.info("nnlab: the hub's token is kept out of the environment of everything this server starts")
