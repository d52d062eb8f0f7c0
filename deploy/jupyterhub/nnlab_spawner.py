"""Each person's server in a cgroup of its own: memory, CPU share and process limits, enforced by the kernel.

Where systemd runs (a normal Ubuntu server, as The Littlest JupyterHub uses), ``jupyterhub_config.py``
picks SystemdSpawner (``jupyterhub-systemdspawner``) when it is installed and gives it the same values.
Where systemd does not run (containers, these test machines), :class:`CgroupSpawner` does it itself:

* before the server starts it creates ``<cgroup of the hub>/nnlab/<user>`` in each hierarchy it
  uses: the unified hierarchy (cgroup v2) when it offers the memory, cpu and pids controllers
  there, otherwise the v1 hierarchies ``memory``, ``cpu`` and ``pids``;
* it writes the limits (below), and the server process moves itself in from ``preexec_fn``,
  before it drops root and before ``exec``: the server, every kernel and everything they start
  are inside from their first instruction, and a child cannot move out (it is not root);
* on stop it kills whatever is left in the cgroup (kernels that outlived their server) and
  removes the folders.

| limit | trait (class file key) | default | v2 file | v1 file |
| --- | --- | --- | --- | --- |
| memory (RAM, no swap beyond it) | ``mem_limit`` (``memory_limit``) | 2 GiB | ``memory.max``, ``memory.swap.max`` = 0 | ``memory.limit_in_bytes``, ``memory.memsw.limit_in_bytes`` |
| CPU share when the CPUs are busy | ``cpu_weight`` (``cpu_weight``) | 100 (= every student equal) | ``cpu.weight`` | ``cpu.shares`` = weight × 1024 / 100 |
| CPU cap (cores), optional | ``cpu_limit`` (``cpu_limit``) | none | ``cpu.max`` | ``cpu.cfs_quota_us`` / ``cpu.cfs_period_us`` |
| processes and threads | ``pids_limit`` (``pids_limit``) | 256 | ``pids.max`` | ``pids.max`` |

Over its memory the kernel's OOM killer kills the largest process of that cgroup only (the
kernel that allocated it); the server restarts the kernel, other students notice nothing. At
``pids.max`` ``fork`` fails with EAGAIN inside that cgroup only. The CPU share only matters when
the CPUs are busy: an idle class leaves every core to whoever needs it.
"""

from __future__ import annotations

import asyncio
import errno
import os
import signal
import time
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Integer, Unicode, default

CONTROLLERS = ("memory", "cpu", "pids")
GiB = 1024 ** 3


def _mounts() -> list[tuple[str, str, set[str]]]:
    """(fstype, mount point, super options) of every cgroup file system mounted here."""
    out = []
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        left, right = line.split(" - ", 1)
        fstype, _source, options = right.split()[:3]
        if fstype in ("cgroup", "cgroup2"):
            out.append((fstype, left.split()[4], set(options.split(","))))
    return out


def _own_paths() -> dict[str, str]:
    """This process's cgroup in each hierarchy: {"memory": "/a/b", ..., "": "/" (v2)}."""
    paths = {}
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        for c in (controllers.split(",") if controllers else [""]):
            paths[c] = path
    return paths


class Cgroup:
    """One person's cgroup (v1: one folder per controller; v2: one folder)."""

    def __init__(self, version: str, dirs: dict[str, Path]):
        self.version, self.dirs = version, dirs  # v2: dirs == {"": path}

    def __repr__(self) -> str:
        return f"Cgroup({self.version}, {', '.join(str(p) for p in self.dirs.values())})"

    def create(self, memory: int, cpu_weight: int, cpu_limit: float | None, pids: int) -> None:
        for path in self.dirs.values():
            path.mkdir(parents=True, exist_ok=True)
        if self.version == "v2":
            d = self.dirs[""]
            _write(d / "memory.max", memory)
            if (d / "memory.swap.max").exists():
                _write(d / "memory.swap.max", 0)
            _write(d / "cpu.weight", cpu_weight)
            _write(d / "cpu.max", f"{int(cpu_limit * 100000)} 100000" if cpu_limit else "max 100000")
            _write(d / "pids.max", pids)
        else:
            m = self.dirs["memory"]
            if (m / "memory.memsw.limit_in_bytes").exists():  # memsw must stay >= limit: order matters
                current = int((m / "memory.limit_in_bytes").read_text())
                if memory < current:
                    _write(m / "memory.limit_in_bytes", memory)
                    _write(m / "memory.memsw.limit_in_bytes", memory)
                else:
                    _write(m / "memory.memsw.limit_in_bytes", memory)
                    _write(m / "memory.limit_in_bytes", memory)
            else:
                _write(m / "memory.limit_in_bytes", memory)
            c = self.dirs["cpu"]
            _write(c / "cpu.shares", max(2, cpu_weight * 1024 // 100))
            _write(c / "cpu.cfs_period_us", 100000)
            _write(c / "cpu.cfs_quota_us", int(cpu_limit * 100000) if cpu_limit else -1)
            _write(self.dirs["pids"] / "pids.max", pids)

    def procs_files(self) -> list[str]:
        """The cgroup.procs files a new process writes its pid into (precomputed: used after fork)."""
        return [str(p / "cgroup.procs") for p in self.dirs.values()]

    def pids(self) -> set[int]:
        found: set[int] = set()
        for path in self.dirs.values():
            try:
                found |= {int(x) for x in (path / "cgroup.procs").read_text().split()}
            except FileNotFoundError:
                pass
        return found

    def exists(self) -> bool:
        return any(p.exists() for p in self.dirs.values())

    def remove(self, timeout: float = 10.0) -> list[int]:
        """Kill everything still inside, then remove the folders; returns the pids it had to kill."""
        killed: list[int] = []
        deadline = time.monotonic() + timeout
        while (left := self.pids()) and time.monotonic() < deadline:
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
                except ProcessLookupError:
                    pass
            time.sleep(0.1)
        for path in self.dirs.values():
            for _ in range(50):
                try:
                    path.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError as exc:  # EBUSY while the last killed process is being reaped
                    if exc.errno != errno.EBUSY:
                        raise
                    time.sleep(0.1)
            try:
                path.parent.rmdir()  # the class folder, when this was the last server
            except OSError:
                pass
        return sorted(set(killed))


def _write(path: Path, value) -> None:
    try:
        path.write_text(f"{value}\n")
    except OSError as exc:
        raise RuntimeError(f"cannot set the limit {path} = {value}: {exc}") from exc


def find_hierarchy(version: str = "auto") -> tuple[str, dict[str, Path]]:
    """(version, {controller: folder of this process}) for the cgroups to use.

    ``version``: "v2" (the unified hierarchy with memory, cpu and pids available to this
    process's cgroup), "v1" (the separate memory, cpu and pids hierarchies), or "auto" (v2 if
    usable, else v1). Raises RuntimeError saying what is missing when neither is usable.
    """
    if version not in ("auto", "v1", "v2"):
        raise ValueError(f"cgroup version {version!r}: expected 'auto', 'v1' or 'v2'")
    mounts, own = _mounts(), _own_paths()
    problems = []
    if version in ("auto", "v2"):
        for fstype, point, _ in mounts:
            if fstype != "cgroup2":
                continue
            here = Path(point + own.get("", "/"))
            try:
                available = set((here / "cgroup.controllers").read_text().split())
            except OSError:
                available = set()
            if set(CONTROLLERS) <= available:
                return "v2", {"": here}
            problems.append(f"cgroup v2 at {point} offers {sorted(available) or 'no controllers'} to {here}, "
                            f"not {list(CONTROLLERS)} (they are bound to cgroup v1)")
        if version == "v2":
            raise RuntimeError("cgroup v2 not usable: " + ("; ".join(problems) or "no cgroup2 mount"))
    dirs = {}
    for controller in CONTROLLERS:
        point = next((p for fstype, p, opts in mounts if fstype == "cgroup" and controller in opts), None)
        if point is None:
            problems.append(f"no cgroup v1 hierarchy with the {controller!r} controller is mounted")
            continue
        dirs[controller] = Path(point + own.get(controller, "/"))
    if len(dirs) == len(CONTROLLERS):
        return "v1", dirs
    raise RuntimeError("no usable cgroups for the per-student limits: " + "; ".join(problems) +
                       ". Mount cgroup2 with the memory, cpu and pids controllers (or the v1 hierarchies), "
                       "or use SystemdSpawner where systemd runs")


class CgroupSpawner(LocalProcessSpawner):
    """LocalProcessSpawner whose servers run in a cgroup with memory, CPU-share and process limits."""

    cgroup_version = Unicode("auto", config=True, help="'auto' (v2 if usable, else v1), 'v2' or 'v1'.")
    cgroup_folder = Unicode("nnlab", config=True,
                            help="Folder under the hub's own cgroup that holds one cgroup per user.")
    cpu_weight = Integer(100, min=1, max=10000, config=True,
                         help="CPU share when the CPUs are busy (cgroup v2 cpu.weight; v1 cpu.shares = weight*1024/100).")
    pids_limit = Integer(256, min=16, config=True, help="Most processes + threads of one server (pids.max).")

    @default("mem_limit")
    def _default_mem_limit(self):
        return 2 * GiB  # a PyTorch lesson's kernel (~0.5 GiB), Validate's second kernel, the server

    def _cgroup(self) -> Cgroup:
        version, dirs = find_hierarchy(self.cgroup_version)
        name = self.user.name if not self.name else f"{self.user.name}-{self.name}"
        return Cgroup(version, {c: d / self.cgroup_folder / name for c, d in dirs.items()})

    async def start(self):
        cgroup = self._cgroup()
        if cgroup.exists():  # left by a server that died with the hub: nothing of it may keep counting
            killed = await asyncio.to_thread(cgroup.remove)
            if killed:
                self.log.warning("Killed %d leftover processes of %s in %s", len(killed), self.user.name, cgroup)
        cgroup.create(memory=int(self.mem_limit), cpu_weight=self.cpu_weight, cpu_limit=self.cpu_limit,
                      pids=self.pids_limit)
        self._cgroup_now = cgroup
        self.log.info("Limits of %s: memory %d MiB, cpu weight %d%s, %d processes (%s)", self.user.name,
                      int(self.mem_limit) // 2 ** 20, self.cpu_weight,
                      f", at most {self.cpu_limit} CPUs" if self.cpu_limit else "", self.pids_limit, cgroup)
        try:
            return await super().start()
        except BaseException:
            await asyncio.to_thread(cgroup.remove)
            raise

    def make_preexec_fn(self, name):
        drop = super().make_preexec_fn(name)
        files = self._cgroup_now.procs_files()

        def preexec():
            pid = str(os.getpid()).encode()
            for path in files:  # still root here: join the cgroup, then become the user
                fd = os.open(path, os.O_WRONLY)
                try:
                    os.write(fd, pid)
                finally:
                    os.close(fd)
            drop()

        return preexec

    async def stop(self, now=False):
        try:
            await super().stop(now=now)
        finally:
            cgroup = self._cgroup()
            killed = await asyncio.to_thread(cgroup.remove)
            if killed:
                self.log.info("Stopped %d processes %s left behind: %s", len(killed), self.user.name, killed)


__all__ = ["CgroupSpawner", "Cgroup", "find_hierarchy"]
