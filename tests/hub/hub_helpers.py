"""Helpers for the hub test: a course environment every account can run, a running hub, users.

Nothing here is a stand-in: the hub is deploy/jupyterhub/jupyterhub_config.py run by the real
JupyterHub with configurable-http-proxy, the accounts are Unix accounts made by
deploy/jupyterhub/setup_class.py, and every request goes through the proxy on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import pwd
import re
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
    """True when an unprivileged account can reach ``path`` (every parent o+x, the file o+x), as named and resolved."""
    for p in {Path(os.path.abspath(path)), Path(os.path.realpath(path))}:
        if not os.path.exists(p):
            return False
        for parent in p.parents:
            if not os.stat(parent).st_mode & stat.S_IXOTH:
                return False
        if not os.stat(p).st_mode & stat.S_IXOTH:
            return False
    return True


def _open_to_everyone(root: Path) -> None:
    """o+r on files (o+x where u+x) and o+rx on folders under ``root`` (links untouched)."""
    for dirpath, dirnames, filenames in os.walk(root):
        for name in [*dirnames, *filenames, ""]:
            p = os.path.join(dirpath, name) if name else dirpath
            if os.path.islink(p):
                continue
            mode = os.stat(p).st_mode
            os.chmod(p, mode | stat.S_IROTH | (stat.S_IXOTH if stat.S_ISDIR(mode) or mode & stat.S_IXUSR else 0))


def _link_tree(src: Path, dest: Path) -> None:
    """A copy of ``src`` made of hard links where the file system allows (seconds for 2 GB), copies otherwise."""
    def link_or_copy(a, b):
        try:
            os.link(a, b)
        except OSError:
            shutil.copy2(a, b)
    shutil.copytree(src, dest, symlinks=True, copy_function=link_or_copy)  # __pycache__ too: servers start 2x faster


# What a class server needs from the repository (read by the servers, the course service and the grader).
STAGED = ("deploy/jupyterhub", "grading", "labkit", "datasets", "pyproject.toml",
          "jupyter-config")  # nnlab_report: the course service's misconception report (issue 23)


def class_repo(workdir: Path, lessons: tuple[str, ...]) -> Path:
    """The repository as the class's accounts see it: this checkout, or a world-readable copy of it.

    A class server keeps the repository where every account can read it (/opt/nnlab). A checkout
    in a private folder (a 0700 home, ``mktemp -d``) is out of their reach: then the parts the
    hub's servers read (deploy/jupyterhub, grading, labkit, datasets) are copied to ``workdir``,
    readable by everyone, and the lessons of the class are copied readable by root only (as the
    deployment guide's ``chmod -R go= notebooks`` leaves them).
    """
    if all(everyone_can_run(REPO / part) for part in STAGED):
        return REPO
    root = workdir / "repo"
    for part in STAGED:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, root / part, ignore=shutil.ignore_patterns("__pycache__", "node_modules",
                                                                           ".ipynb_checkpoints"))
        else:
            (root / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, root / part)
    if (DEPLOY / "node_modules").is_dir():  # the proxy is started by the hub (root): a link is enough
        (root / "deploy/jupyterhub/node_modules").symlink_to(DEPLOY / "node_modules")
    _open_to_everyone(root)
    for lesson in lessons:
        for src in (REPO / "notebooks").glob(lesson):
            shutil.copytree(src, root / "notebooks" / src.name)
    os.chmod(root, 0o755)
    if (root / "notebooks").exists():
        os.chmod(root / "notebooks", 0o700)
    return root


def course_python(workdir: Path, repo: Path = REPO) -> str:
    """The interpreter every server and kernel of the test class runs: this environment, reachable by all.

    When this environment (interpreter and site-packages) is reachable by every account (a class
    server installs it under /opt), it is used as is. Otherwise the test builds one in ``workdir``,
    as an instructor would build /opt/nnlab-env: a virtual environment on the same interpreter (or
    on a world-readable copy of it, ~100 MB, when it lives in root's home, as pyenv does on the CI
    image) holding its own site-packages (a copy of this environment's made of hard links: seconds,
    no extra space) with labkit copied from ``repo``. Self-contained, so that a sandbox that binds
    only the environment's folder (grading/sandbox.py) finds every package in it.
    """
    site_packages = Path(sysconfig.get_paths()["purelib"])
    python_ok = everyone_can_run(sys.executable) and everyone_can_run(Path(sys.base_prefix) / "bin" / "python3")
    site_ok = everyone_can_run(site_packages) and everyone_can_run(Path(sys.prefix) / "share")
    if python_ok and site_ok:
        return ""  # the hub's own interpreter
    base = Path(sys.base_prefix)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    env = workdir / "env"
    if everyone_can_run(base / "bin" / version):
        interpreter = base / "bin" / version
    else:
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
        interpreter = copy / "bin" / version
    subprocess.run([str(interpreter), "-m", "venv", "--without-pip", str(env)], check=True)
    env_site = env / "lib" / version / "site-packages"
    _open_to_everyone(workdir)  # before the hard links: their modes are the originals' (already o+r)
    env_site.rmdir()
    _link_tree(site_packages, env_site)
    for editable in env_site.glob("__editable__*labkit*"):  # labkit installed -e points into the checkout
        editable.unlink()
    if not (env_site / "labkit").exists():
        shutil.copytree(repo / "labkit", env_site / "labkit", ignore=shutil.ignore_patterns("__pycache__"))
        _open_to_everyone(env_site / "labkit")
    for sub in ("share", "etc"):  # JupyterLab's app, extensions, kernel specs, server config
        if (Path(sys.prefix) / sub).is_dir():
            _link_tree(Path(sys.prefix) / sub, env / sub)
    venv_bin = Path(sys.prefix) / "bin"
    for script in venv_bin.iterdir():  # console scripts (nbgrader, alembic, jupyter ...) on the new interpreter
        if script.is_symlink() or not script.is_file() or (env / "bin" / script.name).exists():
            continue
        first, _, rest = script.read_bytes().partition(b"\n")
        # pip's scripts start with "#!<the environment's python>" (wherever the environment was made)
        if first.startswith(b"#!/") and re.search(rb"/bin/python[0-9.]*$", first):
            target = env / "bin" / script.name
            target.write_bytes(b"#!" + str(env / "bin" / "python").encode() + b"\n" + rest)
            target.chmod(0o755)
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


def start_hub(spec: ClassSpec, class_file: Path, workdir: Path, timeout: float = 120, repo: Path = REPO) -> Hub:
    log_path = workdir / "jupyterhub.log"
    env = dict(os.environ, NNLAB_CLASS=str(class_file),
               PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(repo / "deploy/jupyterhub/jupyterhub_config.py")],
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


class Kernel:
    """A kernel on a server behind the hub (a student's, or the course service's), driven over its websocket."""

    def __init__(self, who: HubUser, base: str):
        import websocket  # websocket-client, a dependency of jupyter_server

        self.who, self.base = who, base
        r = who.post(f"{base}/api/kernels", json={"name": "python3"})
        r.raise_for_status()
        self.id = r.json()["id"]
        url = who.hub.url.replace("http://", "ws://") + f"{base}/api/kernels/{self.id}/channels"
        self.ws = websocket.create_connection(url, timeout=30, header=[f"Authorization: {who.api.headers['Authorization']}"])
        self.session = os.urandom(8).hex()
        self.pid = int(self.run("import os; print(os.getpid())", timeout=120)["stdout"])

    def send(self, code: str) -> str:
        msg_id = os.urandom(8).hex()
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": self.who.name, "session": self.session,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        return msg_id

    def wait(self, msg_id: str, timeout: float = 120) -> dict:
        """Output of one execution: stdout, error ("Name: value"), and died (the kernel was killed or restarted)."""
        out = {"stdout": "", "error": None, "died": False, "seconds": None}
        start = time.monotonic()
        deadline = start + timeout
        replied = idle = False
        while not (replied and idle):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no reply from the kernel of {self.who.name} in {timeout:.0f} s: {out}")
            self.ws.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                msg = json.loads(self.ws.recv())
            except Exception as exc:  # the server closed the channel (kernel gone)
                out["died"] = True
                out["error"] = out["error"] or f"{type(exc).__name__}: {exc}"
                break
            kind, content = msg.get("msg_type"), msg.get("content", {})
            if kind == "status" and content.get("execution_state") in ("restarting", "dead"):
                out["died"] = True
                break
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if kind == "stream" and content.get("name") == "stdout":
                out["stdout"] += content["text"]
            elif kind == "error":
                out["error"] = f"{content['ename']}: {content['evalue']}"
            elif kind == "execute_reply":
                replied = True
            elif kind == "status" and content.get("execution_state") == "idle":
                idle = True
        out["seconds"] = time.monotonic() - start
        out["stdout"] = out["stdout"].strip()
        return out

    def run(self, code: str, timeout: float = 120) -> dict:
        return self.wait(self.send(code), timeout)

    def interrupt(self) -> None:
        self.who.post(f"{self.base}/api/kernels/{self.id}/interrupt")

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.who.api.delete(self.who.hub.url + f"{self.base}/api/kernels/{self.id}", timeout=60)


def cgroup_of(pid: int) -> dict[str, str]:
    """The cgroup of a process in each hierarchy ({"memory": "/...", "pids": ..., "": v2 path})."""
    out = {}
    for line in Path(f"/proc/{pid}/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        for c in (controllers.split(",") if controllers else [""]):
            out[c] = path
    return out


def server_pid(name: str) -> int | None:
    """The jupyterhub-singleuser process of account ``name``."""
    for pid in processes_of(name):
        try:
            if b"jupyterhub.singleuser" in Path(f"/proc/{pid}/cmdline").read_bytes():
                return pid
        except FileNotFoundError:
            pass
    return None


def service_pid(hub: "Hub", command_part: bytes) -> int | None:
    """A child of the hub whose command line contains ``command_part`` (e.g. the idle culler)."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                if ppid == hub.process.pid and command_part in (entry / "cmdline").read_bytes():
                    return int(entry.name)
            except (FileNotFoundError, ProcessLookupError, PermissionError):
                pass
    return None


def environ_of(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    return dict(item.split("=", 1) for item in raw.decode(errors="replace").split("\0") if "=" in item)


def cgroup_procs(dirs: dict[str, Path]) -> set[int]:
    """Processes in a cgroup (any of its hierarchies)."""
    found: set[int] = set()
    for d in dirs.values():
        try:
            found |= {int(x) for x in (d / "cgroup.procs").read_text().split()}
        except FileNotFoundError:
            pass
    return found


def _user_cgroups(names) -> list:
    """The CgroupSpawner cgroups (nnlab_spawner.Cgroup) of these accounts that exist now."""
    try:
        import nnlab_spawner

        version, dirs = nnlab_spawner.find_hierarchy()
    except (ImportError, RuntimeError):
        return []
    found = []
    for name in names:
        cg = nnlab_spawner.Cgroup(version, {c: d / "nnlab" / name for c, d in dirs.items()})
        if cg.exists():
            found.append((name, cg))
    return found


def cgroups_of(names) -> list[str]:
    return [name for name, _ in _user_cgroups(names)]


def remove_cgroups(names) -> list[str]:
    """Kill what is left in these accounts' cgroups and remove them; returns whose were there."""
    left = _user_cgroups(names)
    for _, cg in left:
        cg.remove()
    return [name for name, _ in left]
