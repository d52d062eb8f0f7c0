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
  ``frame-ancestors 'none'`` stays on every server;
- each person's server runs in a cgroup with the class file's memory, CPU-share and process
  limits (``nnlab_spawner.CgroupSpawner``; SystemdSpawner where systemd runs and
  jupyterhub-systemdspawner is installed), and idle servers are stopped by jupyterhub-idle-culler;
- no kernel holds a hub token (``nnlab_kernels.py``), and the course service's token has only the
  scopes nbgrader's JupyterHubAuthPlugin uses.
"""

import importlib.util
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
        # (nbgrader's JupyterHubAuthPlugin: GET /groups, POST /groups/<g>/users) and reads the
        # grader's own groups (GET /users/<grader>). Nothing else: it cannot list or read users.
        "name": f"{course}-service",
        "services": [course],
        "scopes": [f"list:groups!group=nbgrader-{course}", f"groups!group=nbgrader-{course}",
                   f"read:users:name!user={spec.grader}", f"read:users:groups!user={spec.grader}"],
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

# Limits per server (the class file's memory_limit, cpu_weight, cpu_limit, pids_limit): systemd's
# own cgroups where systemd runs and jupyterhub-systemdspawner is installed (as TLJH), otherwise
# nnlab_spawner.CgroupSpawner, which makes the cgroups itself (cgroup v2, or v1 memory+cpu+pids).
_systemd = Path("/run/systemd/system").is_dir() and importlib.util.find_spec("systemdspawner") is not None
_spawner = os.environ.get("NNLAB_SPAWNER", "systemd" if _systemd else "cgroup")
if _spawner not in ("systemd", "cgroup", "none"):
    raise ValueError(f"NNLAB_SPAWNER={_spawner!r}: expected 'systemd', 'cgroup' or 'none' (no limits at all)")
if _spawner == "none":  # a trial on a laptop without cgroups: said loudly, never the default
    print("WARNING: NNLAB_SPAWNER=none: students' servers run WITHOUT memory, CPU or process limits",
          file=sys.stderr)
    c.JupyterHub.spawner_class = "localprocess"
elif _spawner == "systemd":
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    c.SystemdSpawner.mem_limit = spec.memory_bytes
    c.SystemdSpawner.cpu_limit = spec.cpu_limit or None
    c.SystemdSpawner.unit_extra_properties = {"CPUWeight": str(spec.cpu_weight), "TasksMax": str(spec.pids_limit),
                                              "MemorySwapMax": "0"}
    c.SystemdSpawner.dynamic_users = False
    c.SystemdSpawner.isolate_tmp = True
    c.SystemdSpawner.user_workingdir = "/home/{USERNAME}"
else:
    from nnlab_spawner import CgroupSpawner  # noqa: E402

    c.JupyterHub.spawner_class = CgroupSpawner
    c.CgroupSpawner.mem_limit = spec.memory_bytes
    c.CgroupSpawner.cpu_weight = spec.cpu_weight
    c.CgroupSpawner.cpu_limit = spec.cpu_limit or None
    c.CgroupSpawner.pids_limit = spec.pids_limit
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

# Idle servers are stopped (jupyterhub-idle-culler, as TLJH runs it): a server with no activity for
# cull_idle_timeout seconds, checked every cull_every seconds. Its token can list users and stop
# servers, nothing else; it runs in the hub's environment, as the hub's account.
if spec.cull_idle_timeout:
    c.JupyterHub.services.append({
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                    f"--timeout={spec.cull_idle_timeout}", f"--cull-every={spec.cull_every}"],
    })
    c.JupyterHub.load_roles.append({
        "name": "idle-culler",
        "services": ["idle-culler"],
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    })
