"""Helpers for the hub test: a course environment every account can run, a running hub, users.

Nothing here is a stand-in: the hub is deploy/jupyterhub/jupyterhub_config.py run by the real
JupyterHub with configurable-http-proxy, the accounts are Unix accounts made by
deploy/jupyterhub/setup_class.py, and every request goes through the proxy on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import signal
import socket
import stat
import subprocess
import sys
import sysconfig
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy" / "jupyterhub"
PROXY = DEPLOY / "node_modules" / ".bin" / "configurable-http-proxy"
sys.path.insert(0, str(DEPLOY))

import setup_class  # noqa: E402
from nnlab_class import ClassSpec  # noqa: E402


def write_class_file(spec: ClassSpec, path: Path) -> Path:
    """The class file (TOML) for ``spec``."""
    def value(v) -> str:
        if isinstance(v, str):
            return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if isinstance(v, tuple):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return str(v)

    path.write_text("".join(f"{k} = {value(v)}\n" for k, v in spec.__dict__.items()))
    return path


def free_ports(n: int) -> list[int]:
    socks = []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


def port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def everyone_can_run(path: str | Path) -> bool:
    """True when an unprivileged account can execute ``path`` (every parent o+x, the file o+x)."""
    path = Path(os.path.realpath(path))
    for parent in path.parents:
        if not os.stat(parent).st_mode & stat.S_IXOTH:
            return False
    return bool(os.stat(path).st_mode & stat.S_IXOTH)


def course_python(workdir: Path) -> str:
    """The interpreter every server and kernel of the test class runs: this environment.

    When this environment's interpreter is readable by every account (a class server installs
    it under /opt), it is used as is. On a machine where it lives in root's home (pyenv under
    /root, as on the CI image), the test makes a world-readable copy of the *same* interpreter
    (same version, its standard library, ~100 MB) and a virtual environment on it that loads this
    environment's site-packages, data files (JupyterLab, extensions, kernels) and commands.
    """
    if everyone_can_run(sys.executable) and everyone_can_run(Path(sys.base_prefix) / "bin" / "python3"):
        return ""  # the hub's own interpreter
    base = Path(sys.base_prefix)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    copy = workdir / "python"
    (copy / "bin").mkdir(parents=True)
    (copy / "lib").mkdir()
    binary = bytearray(Path(os.path.realpath(base / "bin" / version)).read_bytes())
    # The interpreter finds libpython through its RUNPATH, an absolute path under root's home;
    # point the copy at its own lib/ ($ORIGIN/../lib, shorter, so it fits in place).
    old, new = str(base / "lib").encode() + b"\0", b"$ORIGIN/../lib"
    at = binary.find(old)
    if at >= 0 and len(new) < len(old):
        binary[at:at + len(old)] = new.ljust(len(old), b"\0")
    (copy / "bin" / version).write_bytes(bytes(binary))
    (copy / "bin" / version).chmod(0o755)
    for lib in (base / "lib").glob(f"lib{version}*.so*"):
        shutil.copy2(lib, copy / "lib" / lib.name, follow_symlinks=False)
    shutil.copytree(base / "lib" / version, copy / "lib" / version, symlinks=True,
                    ignore=shutil.ignore_patterns("site-packages", "test", "idlelib", "tkinter", "turtledemo",
                                                  "ensurepip", "lib2to3"))
    env = workdir / "env"
    subprocess.run([str(copy / "bin" / version), "-m", "venv", "--without-pip", str(env)], check=True)
    site_packages = sysconfig.get_paths()["purelib"]
    (env / "lib" / version / "site-packages" / "nnlab_course_env.pth").write_text(
        f"import site; site.addsitedir({site_packages!r})\n")
    for sub in ("share", "etc"):  # JupyterLab's app, extensions, kernel specs, server config
        (env / sub).symlink_to(Path(sys.prefix) / sub)
    venv_bin = Path(sys.prefix) / "bin"
    for script in venv_bin.iterdir():  # console scripts (nbgrader, alembic, jupyter ...) on the copy
        if script.is_symlink() or not script.is_file() or (env / "bin" / script.name).exists():
            continue
        head = script.read_bytes()[:200]
        if head.startswith(b"#!" + str(venv_bin).encode()):
            first, rest = script.read_bytes().split(b"\n", 1)
            target = env / "bin" / script.name
            target.write_bytes(b"#!" + str(env / "bin" / "python").encode() + b"\n" + rest)
            target.chmod(0o755)
    for dirpath, dirnames, filenames in os.walk(workdir):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            if not os.path.islink(p):
                os.chmod(p, os.stat(p).st_mode | stat.S_IROTH | (stat.S_IXOTH if os.path.isdir(p) or
                                                                   os.stat(p).st_mode & stat.S_IXUSR else 0))
    return str(env / "bin" / "python")


@dataclass
class Hub:
    spec: ClassSpec
    workdir: Path
    process: subprocess.Popen
    log_path: Path
    url: str = field(init=False)

    def __post_init__(self):
        self.url = f"http://127.0.0.1:{self.spec.port}"

    def log_tail(self, lines: int = 60) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def ports(self) -> list[int]:
        s = self.spec
        return [s.port, s.hub_port, s.proxy_api_port, s.service_port]


def start_hub(spec: ClassSpec, class_file: Path, workdir: Path, timeout: float = 120) -> Hub:
    log_path = workdir / "jupyterhub.log"
    env = dict(os.environ, NNLAB_CLASS=str(class_file),
               PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(DEPLOY / "jupyterhub_config.py")],
        cwd=spec.state_dir, env=env, stdout=log_path.open("w"), stderr=subprocess.STDOUT,
        start_new_session=True)
    hub = Hub(spec, workdir, process, log_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            stop_hub(hub)
            raise RuntimeError(f"jupyterhub exited with {process.returncode}:\n{hub.log_tail()}")
        try:
            if requests.get(f"{hub.url}/hub/api/", timeout=2).ok and \
                    requests.get(f"{hub.url}/services/{spec.course_id}/api/status", timeout=2,
                                 allow_redirects=False).status_code in (302, 403):
                return hub
        except requests.RequestException:  # not listening yet, or busy starting the service
            pass
        time.sleep(0.5)
    stop_hub(hub)
    raise RuntimeError(f"the hub did not come up in {timeout:.0f} s:\n{hub.log_tail()}")


def stop_hub(hub: Hub) -> None:
    """Stop the hub (it stops the servers and the service it started), then anything left over."""
    if hub.process.poll() is None:
        hub.process.send_signal(signal.SIGTERM)
        try:
            hub.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(hub.process.pid, signal.SIGKILL)
            hub.process.wait(timeout=10)
    # The hub stops the proxy it started; if the hub died first, stop the proxy by its pid file.
    pid_file = Path(hub.spec.state_dir) / "jupyterhub-proxy.pid"
    if pid_file.exists():
        try:
            pid = int(pid_file.read_text().strip())
            if b"configurable-http-proxy" in Path(f"/proc/{pid}/cmdline").read_bytes():
                os.kill(pid, signal.SIGTERM)
        except (ValueError, FileNotFoundError, ProcessLookupError):
            pass


def processes_of(name: str) -> list[int]:
    try:
        return setup_class._pids_of(pwd.getpwnam(name).pw_uid)
    except KeyError:
        return []


def run_as(user: str, python: str, code: str, *args: str, env: dict | None = None,
           timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``python -c code args`` as the Unix account ``user`` (its uid, gid, groups and home)."""
    entry = pwd.getpwnam(user)
    full_env = {"HOME": entry.pw_dir, "USER": user, "LOGNAME": user, "PATH": "/usr/bin:/bin", **(env or {})}

    def demote():
        os.setgid(entry.pw_gid)
        os.initgroups(user, entry.pw_gid)
        os.setuid(entry.pw_uid)

    return subprocess.run(
        [python, "-c", code, *args],
        cwd=entry.pw_dir, env=full_env, preexec_fn=demote, capture_output=True, text=True, timeout=timeout)


class HubUser:
    """One person at the hub: logs in through the login form, then uses an API token of their own."""

    def __init__(self, hub: Hub, name: str):
        self.hub, self.name = hub, name
        self.browser = requests.Session()
        r = self.browser.get(f"{hub.url}/hub/login", timeout=30)
        r.raise_for_status()
        xsrf = self.browser.cookies.get("_xsrf")
        r = self.browser.post(f"{hub.url}/hub/login?next=/hub/home", timeout=30,
                              data={"username": name, "password": "not-checked-by-the-dummy-authenticator",
                                    "_xsrf": xsrf})
        if not r.url.endswith("/hub/home"):
            raise RuntimeError(f"login of {name} failed: {r.status_code} {r.url}")
        r = self.browser.post(f"{hub.url}/hub/api/users/{name}/tokens", timeout=30,
                              json={"note": "hub test", "expires_in": 3600},
                              headers={"X-XSRFToken": self.browser.cookies.get("_xsrf", path="/hub/") or xsrf})
        r.raise_for_status()
        self.api = requests.Session()
        self.api.headers["Authorization"] = f"token {r.json()['token']}"

    def get(self, path: str, **kw) -> requests.Response:
        return self.api.get(self.hub.url + path, timeout=kw.pop("timeout", 120), allow_redirects=False, **kw)

    def post(self, path: str, **kw) -> requests.Response:
        return self.api.post(self.hub.url + path, timeout=kw.pop("timeout", 300), allow_redirects=False, **kw)

    def put(self, path: str, **kw) -> requests.Response:
        return self.api.put(self.hub.url + path, timeout=kw.pop("timeout", 120), allow_redirects=False, **kw)

    # -- the user's own server
    def request_server(self) -> None:
        r = self.post(f"/hub/api/users/{self.name}/server")
        if r.status_code not in (201, 202, 400):  # 400: already running
            raise RuntimeError(f"cannot start the server of {self.name}: {r.status_code} {r.text}")

    def wait_server(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = self.get(f"/hub/api/users/{self.name}").json()
            if model.get("servers", {}).get("", {}).get("ready"):
                return
            time.sleep(0.5)
        raise RuntimeError(f"the server of {self.name} did not start in {timeout:.0f} s:\n{self.hub.log_tail()}")

    def server(self, path: str) -> str:
        return f"/user/{self.name}{path}"

    def nbgrader(self, action: str, course: str, assignment: str) -> dict:
        """nbgrader's assignment-list extension on the user's server: fetch, submit, fetch_feedback."""
        r = self.post(self.server(f"/assignments/{action}"), data={"course_id": course, "assignment_id": assignment})
        r.raise_for_status()
        body = r.json()
        if not body.get("success"):
            raise RuntimeError(f"{action} by {self.name} failed: {json.dumps(body)[:3000]}")
        return body

    def formgrader(self, method: str, path: str) -> dict | list:
        r = getattr(self, method)(f"/services/{self.hub.spec.course_id}/formgrader/api{path}")
        r.raise_for_status()
        body = r.json()
        if isinstance(body, dict) and body.get("success") is False:
            raise RuntimeError(f"formgrader {path} failed: {body.get('error', body)}")
        return body
