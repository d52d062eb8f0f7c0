"""A disposable sandbox per submission: bubblewrap, an unprivileged user, limits.

The grader never runs a student's code itself. For each submission it starts
``sandbox_runner.py`` (which starts the kernel) inside a sandbox built with
bubblewrap (``bwrap``, Debian package ``bubblewrap``):

* a new mount namespace holding only what a lesson needs, read-only: /usr,
  /etc, the Python installation, this project's ``.venv``, ``labkit/`` and
  ``datasets/``; a private writable working folder with the lesson's assets,
  and a size-capped /tmp. The course root (gradebook, submissions, feedback),
  the source notebooks and the grading code are not there at all;
* new PID, network, IPC and UTS namespaces: no network at all (the kernel's
  ZMQ channels live on the sandbox's own loopback; the host's loopback
  services are unreachable), and when the runner ends, everything it started
  is killed with the namespace;
* an unprivileged user of its own per worker slot (uid 61000 + slot) with no
  capabilities and ``no_new_privs``, when the grader runs as root (as in CI);
  run as a normal user, bwrap maps the sandbox into a user namespace instead;
* limits: address space (memory) of the kernel, processes (RLIMIT_NPROC, per
  sandbox user), file size, open files, no core dumps, output bytes per cell
  and per notebook, time per cell (interrupt) and per notebook (the runner
  stops; a hard wall-clock kill after that).

Only the runner's JSON result leaves the sandbox, on a pipe the kernel does
not hold; the grader writes results after the sandbox has ended.

When bwrap is missing or cannot create namespaces here, the grader falls back,
loudly (``Isolation.warning`` goes to stderr and into the batch report):
``unshare`` (util-linux) with the same unprivileged user and limits but no
private filesystem view; and as a last resort ``none``, the limits only.
``NNLAB_SANDBOX=bwrap|unshare|none`` forces a level (tests use it to prove the
fallback is announced).
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

GRADING = Path(__file__).resolve().parent
REPO = GRADING.parent
RUNNER = GRADING / "sandbox_runner.py"
HELPERS = [GRADING / "widget_output.py"]  # grading code the runner may import (nothing secret)
BASE_UID = 61000
INSIDE_WORK = "/grade/work"
INSIDE_SCRATCH = "/grade/scratch"
INSIDE_RUNNER = "/grade/runner.py"


@dataclass(frozen=True)
class Limits:
    """What one submission may use. Times in seconds, sizes in MB or KB."""

    cell_timeout: int = 60          # per cell: interrupted after this
    notebook_timeout: int = 600     # whole notebook: remaining cells are not run
    memory_mb: int = 6144           # address space of the kernel (RLIMIT_AS; PyTorch maps ~2 GB at import)
    processes: int = 256            # processes and threads of the sandbox user (RLIMIT_NPROC)
    file_mb: int = 64               # largest file it may write (RLIMIT_FSIZE)
    tmp_mb: int = 256               # size of its /tmp
    output_kb: int = 512            # output kept per cell
    total_output_kb: int = 4096     # output kept per notebook

    def with_cell_timeout(self, seconds: int | None) -> "Limits":
        return self if seconds is None else Limits(**{**asdict(self), "cell_timeout": int(seconds)})


@dataclass(frozen=True)
class Isolation:
    """The sandbox this machine gives: ``tool`` is bwrap, unshare or none; ``warning`` says what is missing."""

    tool: str
    warning: str | None = None

    def describe(self) -> str:
        text = {"bwrap": "bubblewrap sandbox (private filesystem view, no network, own PID namespace, "
                         "unprivileged user, limits)",
                "unshare": "unshare sandbox (no network, own PID namespace, unprivileged user, limits; "
                           "NO private filesystem view)",
                "none": "NO SANDBOX (limits only)"}[self.tool]
        return text + (f"\nWARNING: {self.warning}" if self.warning else "")


@dataclass
class RunResult:
    """What came back from one sandbox run."""

    result: dict | None       # the runner's report (see sandbox_runner.run), None if it died
    returncode: int | None
    seconds: float
    killed_after_wall_time: bool
    stderr_tail: str
    isolation: Isolation


def _is_root() -> bool:
    return os.geteuid() == 0


def _python_roots() -> list[str]:
    """Folders the kernel needs, read-only: the interpreter, the environment, labkit and the datasets."""
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
             str(Path(os.path.realpath(sys.executable)).parent.parent)}
    import labkit

    roots.add(str(Path(labkit.__file__).resolve().parent))
    if (REPO / "datasets").is_dir():
        roots.add(str(REPO / "datasets"))
    # keep only the outermost folders, and nothing under /usr (bound whole)
    out = []
    for r in sorted(roots, key=len):
        if r.startswith("/usr/") or r == "/usr" or any(r == o or r.startswith(o + "/") for o in out):
            continue
        out.append(r)
    return out


def trusted_prefixes() -> list[str]:
    """Where code may come from without being the submission's (what the integrity check trusts)."""
    return sorted(set(_python_roots()) | {"/usr/"})


def _bwrap_args(host_dir: Path, limits: Limits, slot: int) -> list[str]:
    args = ["bwrap", "--die-with-parent", "--new-session",
            "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        p = Path("/") / name
        if p.is_symlink():
            args += ["--symlink", os.readlink(p), f"/{name}"]
        elif p.is_dir():
            args += ["--ro-bind", str(p), f"/{name}"]
    args += ["--ro-bind", "/etc", "/etc",
             # /tmp first, so that a Python installed under /tmp (a clone there) is bound on top of it
             "--size", str(limits.tmp_mb * 1024 * 1024), "--perms", "1777", "--tmpfs", "/tmp"]
    made = {"/", "/tmp"}
    for root in _python_roots():
        parts = Path(root).parts
        for i in range(2, len(parts)):
            parent = str(Path(*parts[:i]))
            if parent not in made:
                args += ["--perms", "0755", "--dir", parent]
                made.add(parent)
        args += ["--ro-bind", root, root]
    args += ["--proc", "/proc", "--dev", "/dev",
             "--perms", "0755", "--dir", "/grade",
             "--bind", str(host_dir / "work"), INSIDE_WORK,
             "--bind", str(host_dir / "scratch"), INSIDE_SCRATCH,
             "--ro-bind", str(RUNNER), INSIDE_RUNNER,
             *[a for h in HELPERS if h.is_file() for a in ("--ro-bind", str(h), f"/grade/{h.name}")],
             "--chdir", INSIDE_WORK, "--clearenv"]
    if not _is_root():
        args += ["--unshare-user", "--uid", "65534", "--gid", "65534"]
    return args


def slot_uid(slot: int) -> int:
    """The throwaway user of a worker slot: distinct per slot and per grading process (64 slots each)."""
    return BASE_UID + 64 * (os.getpid() % 64) + slot % 64


def _drop_privileges(slot: int) -> list[str]:
    """setpriv to the slot's own unprivileged user (only when the grader is root)."""
    if not _is_root():
        return []
    uid = slot_uid(slot)
    return ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
            "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"]


def _env(inside_scratch: str, inside_work: str) -> dict[str, str]:
    return {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": f"{inside_scratch}/home",
        "TMPDIR": "/tmp",
        "IPYTHONDIR": f"{inside_scratch}/ipython",
        "JUPYTER_CONFIG_DIR": f"{inside_scratch}/jupyter-config",
        "JUPYTER_DATA_DIR": f"{inside_scratch}/jupyter-data",
        "JUPYTER_RUNTIME_DIR": f"{inside_scratch}/runtime",
        "MPLCONFIGDIR": f"{inside_scratch}/matplotlib",
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        "LABKIT_CACHE": f"{inside_scratch}/cache",
        "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
        # one core per submission: joblib (scikit-learn) runs serially, without warning on stderr
        # (inside a test cell's output) that it cannot create semaphores in the sandbox's /dev
        "JOBLIB_MULTIPROCESSING": "0",
        "PYTHONDONTWRITEBYTECODE": "1", "PYTHONNOUSERSITE": "1",
        "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
    }


def command(tool: str, host_dir: Path, limits: Limits, slot: int) -> tuple[list[str], dict[str, str], str]:
    """(argv, env, runner path) to run the runner under ``tool`` for a job folder ``host_dir``."""
    py = sys.executable
    if tool == "bwrap":
        env = _env(INSIDE_SCRATCH, INSIDE_WORK)
        argv = _bwrap_args(host_dir, limits, slot)
        for k, v in env.items():
            argv += ["--setenv", k, v]
        # bwrap itself gets a bare environment too: its own process (pid 1 inside) is readable
        # through /proc/1/environ where the grader is not root, so nothing secret may be in it
        bare = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        return argv + ["--"] + _drop_privileges(slot) + [py, "-I", INSIDE_RUNNER], bare, INSIDE_RUNNER
    env = _env(str(host_dir / "scratch"), str(host_dir / "work"))
    runner = str(host_dir / "runner.py")
    if tool == "unshare":
        argv = ["unshare", "--pid", "--fork", "--kill-child", "--mount-proc", "--net", "--ipc", "--uts"]
        return argv + ["--"] + _drop_privileges(slot) + [py, "-I", runner], env, runner
    return [py, "-I", runner], env, runner


def _probe(tool: str) -> str | None:
    """None if ``tool`` can build a sandbox here, else why not."""
    exe = {"bwrap": "bwrap", "unshare": "unshare"}[tool]
    if shutil.which(exe) is None:
        return f"`{exe}` is not installed"
    if _is_root() and shutil.which("setpriv") is None:
        return "`setpriv` is not installed"
    with tempfile.TemporaryDirectory(prefix="nnlab-probe-") as tmp:
        host = Path(tmp)
        _prepare_dir(host, 0)
        argv, env, _ = command(tool, host, Limits(), 0)
        argv = argv[:argv.index("-I") - 1] + [sys.executable, "-c",
                                                "import socket, os, subprocess, sys, ipykernel, nbclient, labkit; s = socket.socket(); s.bind(('127.0.0.1', 0)); "
                                                "subprocess.run([sys.executable, '-c', 'import ipykernel'], check=True); "
                                                "print(os.getuid()) if sys.prefix != sys.base_prefix or 'site-packages' in ipykernel.__file__ "
                                                "else sys.exit('the course environment is not readable in the sandbox')"]
        try:
            proc = subprocess.run(argv, env=env or None, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"`{exe}` failed: {exc}"
        if proc.returncode != 0:
            return f"`{exe}` cannot build a sandbox here: {proc.stderr.strip()[-300:]}"
        if _is_root() and proc.stdout.strip() == "0":
            return f"`{exe}` ran the code as root"
    return None


def detect(forced: str | None = None) -> Isolation:
    """The strongest isolation that works on this machine (``NNLAB_SANDBOX`` forces one)."""
    return _detect(forced or os.environ.get("NNLAB_SANDBOX") or None)


@functools.lru_cache(maxsize=None)
def _detect(forced: str | None) -> Isolation:
    if forced:
        if forced not in ("bwrap", "unshare", "none"):
            raise ValueError(f"NNLAB_SANDBOX={forced!r}: expected bwrap, unshare or none")
        if forced == "bwrap":
            why = _probe("bwrap")
            if why:
                raise RuntimeError(f"NNLAB_SANDBOX=bwrap but {why}")
            return Isolation("bwrap")
        if forced == "unshare":
            return Isolation("unshare", "sandbox level forced to `unshare` (NNLAB_SANDBOX): submissions can read "
                                        "every world-readable file, including the source notebooks with hidden tests")
        return Isolation("none", "sandbox disabled (NNLAB_SANDBOX=none): submissions run with the grader's rights, "
                                 "network and files; only the time, memory and output limits apply")
    why_bwrap = _probe("bwrap")
    if why_bwrap is None:
        return Isolation("bwrap")
    why_unshare = _probe("unshare")
    if why_unshare is None:
        return Isolation("unshare", f"bubblewrap unavailable ({why_bwrap}); fell back to `unshare`: submissions "
                                    "can read every world-readable file, including the source notebooks with hidden "
                                    "tests. Install bubblewrap (apt-get install bubblewrap).")
    return Isolation("none", f"no sandbox available (bwrap: {why_bwrap}; unshare: {why_unshare}): submissions run "
                             "with the grader's rights, network and files; only the time, memory and output limits "
                             "apply. Install bubblewrap (apt-get install bubblewrap).")


@functools.lru_cache(maxsize=None)
def _font_cache() -> list[Path]:
    """matplotlib's font list, built once by the grader: without it every kernel rebuilds it (seconds)."""
    code = ("import matplotlib, matplotlib.font_manager, pathlib; "
            "print(*pathlib.Path(matplotlib.get_cachedir()).glob('fontlist-*.json'), sep='\\n')")
    try:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [Path(line) for line in out.split() if line.endswith(".json") and Path(line).is_file()]


def _prepare_dir(host: Path, slot: int) -> None:
    for sub in ("work", "scratch"):
        (host / sub).mkdir(parents=True, exist_ok=True)
    for sub in ("home", "ipython", "jupyter-config", "jupyter-data", "runtime", "matplotlib", "cache"):
        (host / "scratch" / sub).mkdir(exist_ok=True)
    for cache in _font_cache():
        shutil.copyfile(cache, host / "scratch" / "matplotlib" / cache.name)
    if _is_root():
        uid = slot_uid(slot)
        os.chmod(host, 0o711)
        for path in [host / "work", host / "scratch", *(host / "scratch").rglob("*"), *(host / "work").rglob("*")]:
            os.chown(path, uid, uid)


def run_notebook(notebook_json: str, assets: list[Path], limits: Limits, slot: int = 0,
                 isolation: Isolation | None = None, bindings: list | None = None) -> RunResult:
    """Execute one prepared notebook in a fresh sandbox; return the runner's report."""
    isolation = isolation or detect()
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="nnlab-sandbox-") as tmp:
        host = Path(tmp)
        (host / "work").mkdir()
        for asset in assets:
            if asset.is_file() and not asset.is_symlink():
                shutil.copy2(asset, host / "work" / asset.name)
        _prepare_dir(host, slot)
        argv, env, runner = command(isolation.tool, host, limits, slot)
        if isolation.tool != "bwrap":
            for src, name in [(RUNNER, "runner.py"), *[(h, h.name) for h in HELPERS if h.is_file()]]:
                shutil.copy2(src, host / name)
                os.chmod(host / name, 0o644)
        inside = isolation.tool == "bwrap"
        job = {"notebook": notebook_json, "limits": asdict(limits), "trusted": trusted_prefixes(),
               "bindings": bindings or [],
               "workdir": INSIDE_WORK if inside else str(host / "work"),
               "scratch": INSIDE_SCRATCH if inside else str(host / "scratch")}
        wall = limits.notebook_timeout + 90
        with open(host / "stderr.log", "w+b") as err:
            proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
                                    env=env or None, start_new_session=True,
                                    preexec_fn=_limit_grader_side(limits, isolation))
            killed = False
            try:
                out, _ = proc.communicate(json.dumps(job).encode(), timeout=wall)
            except subprocess.TimeoutExpired:
                killed = True
                _kill_group(proc)
                out, _ = proc.communicate()
            finally:
                if proc.poll() is None:
                    _kill_group(proc)
            _kill_group(proc)  # anything of the session left behind (namespace already gone with bwrap)
            err.seek(0, os.SEEK_END)
            size = err.tell()
            err.seek(max(0, size - 4000))
            tail = err.read().decode("utf-8", "replace")
        if _is_root() and isolation.tool != "bwrap":
            # Without a PID namespace nothing else ends what the submission started. (With bwrap
            # the namespace's processes die with its init; killing by uid there could reach another
            # grading process's sandbox: slot_uid is per pid modulo 64.)
            _kill_uid(slot_uid(slot))
        result = None
        try:
            result = json.loads(out.decode("utf-8")) if out else None
        except ValueError:
            result = None
    return RunResult(result, proc.returncode, time.monotonic() - start, killed, tail, isolation)


def _limit_grader_side(limits: Limits, isolation: Isolation):
    """Without a PID namespace, at least bound the runner's own session (setpriv keeps these)."""
    def apply():
        import resource
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def live_processes(uid: int) -> list[int]:
    """The pids of ``uid``'s processes that are not yet dead (zombies, already dead, are left out)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid != uid:
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue  # gone meanwhile
        if state not in ("Z", "X"):
            pids.append(int(entry.name))
    return pids


def _kill_uid(uid: int, timeout: float = 15.0) -> None:
    """Kill what the slot's throwaway user left running and wait until it is gone (at most
    ``timeout`` seconds: a process stuck in the kernel cannot be waited for forever)."""
    deadline = time.monotonic() + timeout
    while True:
        pids = live_processes(uid)
        if not pids or time.monotonic() > deadline:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        time.sleep(0.05)
