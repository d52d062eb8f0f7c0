"""JupyterHub for one NN Lab class on one server.

Started by ``make hub`` (as root: the hub starts each student's server as that student's Unix
account). Who is in the class and which ports to use come from the class file named by
``NNLAB_CLASS`` (default: class.example.toml beside this file); see deploy/README.md.

- every person logs in with their Unix account (PAM; the dummy authenticator for tests) and
  gets their own JupyterLab, started by the LocalProcessSpawner as that account, from the
  course environment (labkit, JupyterLab, nbgrader and its extensions: the class file's
  ``python``, by default the interpreter running the hub);
- groups and roles as in nbgrader's demos/demo_multiple_classes: ``nbgrader-<course>`` (students
  and instructors: the course's assignments), ``formgrade-<course>`` (instructors and the grader:
  the formgrader);
- the course service ``<course>`` runs JupyterLab + the formgrader as the grader account, and
  opens on the formgrader page in its own browser tab (JupyterHub >= 4.1 forbids framing, which
  leaves nbgrader's in-JupyterLab formgrader panel blank: nbgrader #1870). The hub's
  ``frame-ancestors 'none'`` stays on every server.
"""

import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from nnlab_class import EXAMPLE, load  # noqa: E402

c = get_config()  # noqa: F821

spec = load(os.environ.get("NNLAB_CLASS") or EXAMPLE)
course = spec.course_id
PYTHON = spec.server_python()  # the course environment every server and kernel runs in
BIN = Path(PYTHON).parent
SINGLEUSER = [PYTHON, "-m", "jupyterhub.singleuser"]

# Network: everything on loopback unless the class file says otherwise (a TLS proxy goes in front).
c.JupyterHub.bind_url = f"http://{spec.ip}:{spec.port}/"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{spec.hub_port}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{spec.proxy_api_port}"
_local_proxy = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
_proxy = str(_local_proxy) if _local_proxy.exists() else shutil.which("configurable-http-proxy")
if _proxy is None:
    raise RuntimeError(
        "configurable-http-proxy not found: run `npm ci --prefix deploy/jupyterhub` (make hub does), "
        "or install Debian's node-configurable-http-proxy")
c.ConfigurableHTTPProxy.command = [_proxy]
c.ConfigurableHTTPProxy.pid_file = f"{spec.state_dir}/jupyterhub-proxy.pid"

# State: the hub's database and cookie secret, readable by root only (setup_class.py makes it 0700).
c.JupyterHub.db_url = f"sqlite:///{spec.state_dir}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = f"{spec.state_dir}/jupyterhub_cookie_secret"
c.JupyterHub.pid_file = f"{spec.state_dir}/jupyterhub.pid"
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every server it started

# Who may log in.
c.JupyterHub.authenticator_class = spec.authenticator  # "pam" or "dummy"
c.Authenticator.allowed_users = set(spec.users)
c.Authenticator.admin_users = set()  # instructors get the scopes below, not admin
c.Authenticator.manage_groups = False
c.JupyterHub.load_groups = {
    f"nbgrader-{course}": {"users": [*spec.students, *spec.instructors]},
    f"formgrade-{course}": {"users": [*spec.instructors, spec.grader]},
}

c.JupyterHub.load_roles = [
    {   # the course's formgrader (and the service's JupyterLab) for instructors and the grader
        "name": f"formgrade-{course}",
        "groups": [f"formgrade-{course}"],
        "scopes": [f"access:services!service={course}"],
    },
    {   # students find the course service (nbgrader's course list) but cannot open it
        "name": f"nbgrader-{course}",
        "groups": [f"nbgrader-{course}"],
        "scopes": ["list:services", f"read:services!service={course}"],
    },
    {   # the token each server gets: nbgrader's JupyterHubAuthPlugin reads the owner's groups.
        # JupyterHub intersects these with the owner's own permissions.
        "name": "server",
        "scopes": [
            "users:activity!user", "access:servers!server",
            "read:users:name!user", "read:users:groups!user",
            "list:services", "read:services",
        ],
    },
    {   # the course service adds students to nbgrader-<course> when the gradebook gains one
        "name": f"{course}-service",
        "services": [course],
        "scopes": ["list:users", "read:users", "list:groups", "read:groups",
                   f"groups!group=nbgrader-{course}"],
    },
]

# Each person's own server: their Unix account, their home, the course environment.
_path = f"{BIN}:/usr/local/bin:/usr/bin:/bin"
_common = {
    "PATH": _path,
    "NNLAB_COURSE_ID": course,
    "NNLAB_EXCHANGE": spec.exchange,
}
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NNLAB_CELL_TIMEOUT"):
    if _var in os.environ:  # thread limits and the grading timeout pass through to every server
        _common[_var] = os.environ[_var]

c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = SINGLEUSER
c.Spawner.default_url = "/lab"
c.Spawner.environment = {
    **_common,
    "JUPYTER_CONFIG_PATH": f"{HERE / 'config' / 'user'}:{HERE / 'config' / 'common'}",
}
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180

# The course service: JupyterLab + formgrader as the grader account, in the course folder.
c.JupyterHub.services = [
    {
        "name": course,
        "display": True,  # listed under "Services" on the hub's home page for instructors
        "oauth_no_confirm": True,
        "timeout": 180,  # JupyterLab + nbgrader start in seconds, minutes on a busy 2-core server
        "url": f"http://127.0.0.1:{spec.service_port}",
        "command": SINGLEUSER,
        "user": spec.grader,
        "cwd": str(spec.course_dir),
        "environment": {
            **_common,
            "HOME": str(spec.grader_home),
            "JUPYTER_CONFIG_PATH": f"{HERE / 'config' / 'grader'}:{HERE / 'config' / 'common'}",
            # /services/<course>/ opens the formgrader itself, in its own tab: no frame involved.
            "JUPYTERHUB_DEFAULT_URL": "/formgrader",
        },
    },
]
