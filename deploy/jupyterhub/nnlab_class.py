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
        if self.authenticator not in ("pam", "dummy"):
            raise ValueError(f"class file: authenticator must be 'pam' or 'dummy', got {self.authenticator!r}")

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
