"""The class file (see class.example.toml): who is in the class and where things live.

Read by jupyterhub_config.py (accounts, groups, ports) and by setup_class.py (Unix accounts,
the exchange, the grader's course folder), so both always agree.
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
EXAMPLE = HERE / "class.example.toml"

_NAME = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")


@dataclass(frozen=True)
class ClassSpec:
    course_id: str = "nnlab"
    grader: str = "grader-nnlab"
    instructors: tuple[str, ...] = ()
    students: tuple[str, ...] = ()
    authenticator: str = "pam"
    exchange: str = "/srv/nbgrader/exchange"
    state_dir: str = "/srv/nnlab-hub"
    lessons: tuple[str, ...] = ("*",)
    ip: str = "127.0.0.1"
    port: int = 8000
    hub_port: int = 8081
    proxy_api_port: int = 8001
    service_port: int = 9999
    python: str = ""  # the course environment's interpreter for every server; "" = the hub's own
    # Per-person limits of each server (cgroups; see nnlab_spawner.py) and the idle culler.
    memory_limit: str = "2G"       # RAM of one server and its kernels ("512M", "1G", ...): see deploy/README.md
    cpu_weight: int = 100          # CPU share when the CPUs are busy (100 = everyone equal)
    cpu_limit: float = 0.0         # at most this many CPUs per server (0 = no cap, share only)
    pids_limit: int = 256          # processes + threads of one server
    cull_idle_timeout: int = 3600  # stop a server idle this many seconds (0 = never)
    cull_every: int = 600          # how often the culler looks, in seconds

    def server_python(self) -> str:
        """The interpreter each server and kernel runs (must be executable by every account)."""
        return self.python or sys.executable

    def __post_init__(self) -> None:
        for name in (self.course_id, self.grader, *self.instructors, *self.students):
            if not _NAME.match(name):
                raise ValueError(
                    f"class file: {name!r} is not a valid account or course name; expected lowercase "
                    "letters, digits, '-' or '_', at most 32 characters, starting with a letter")
        overlap = set(self.instructors) & set(self.students)
        if overlap or self.grader in (*self.instructors, *self.students):
            raise ValueError(
                f"class file: an account is listed twice (instructors {list(self.instructors)}, students "
                f"{list(self.students)}, grader {self.grader!r}); each person has one role")
        if self.memory_bytes < 256 * 2 ** 20:
            raise ValueError(f"class file: memory_limit = {self.memory_limit!r} is below 256M; a JupyterLab server "
                             "and one kernel need more (2G is the default)")
        if not 1 <= self.cpu_weight <= 10000 or self.cpu_limit < 0 or self.pids_limit < 32:
            raise ValueError(f"class file: cpu_weight {self.cpu_weight} (expected 1..10000), cpu_limit {self.cpu_limit} "
                             f"(expected >= 0), pids_limit {self.pids_limit} (expected >= 32)")
        if self.cull_idle_timeout < 0 or self.cull_every <= 0:
            raise ValueError(f"class file: cull_idle_timeout {self.cull_idle_timeout} (expected >= 0, 0 = never) and "
                             f"cull_every {self.cull_every} (expected > 0) are seconds")
        if self.authenticator not in ("pam", "dummy"):
            raise ValueError(f"class file: authenticator must be 'pam' or 'dummy', got {self.authenticator!r}")

    @property
    def memory_bytes(self) -> int:
        """memory_limit in bytes ("1G" = 1 GiB, "512M", "1.5G" or a plain number of bytes)."""
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?\s*", str(self.memory_limit), flags=re.I)
        if not m:
            raise ValueError(f"class file: memory_limit = {self.memory_limit!r}; expected a size such as '1G' or '512M'")
        return int(float(m.group(1)) * 1024 ** "_KMGT".index(m.group(2).upper() or "_"))

    @property
    def users(self) -> tuple[str, ...]:
        """The people who log in to the hub (the grader account only runs the service)."""
        return (*self.instructors, *self.students)

    @property
    def grader_home(self) -> Path:
        return Path("/home") / self.grader

    @property
    def course_dir(self) -> Path:
        """nbgrader's course folder: source/, release/, submitted/, autograded/, feedback/, gradebook.db."""
        return self.grader_home / self.course_id


def load(path: str | Path) -> ClassSpec:
    """Read a class file; unknown keys are an error (a typo must not be ignored)."""
    data = tomllib.loads(Path(path).read_text())
    known = {f.name for f in fields(ClassSpec)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"class file {path}: unknown settings {unknown}; known: {sorted(known)}")
    for key in ("instructors", "students", "lessons"):
        if key in data:
            data[key] = tuple(data[key])
    return ClassSpec(**data)
