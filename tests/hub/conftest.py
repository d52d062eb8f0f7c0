"""A real class on a real hub: Unix accounts, JupyterHub + proxy on 127.0.0.1, torn down after.

Helpers are importable (pytest runs with --import-mode=importlib).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import hub_helpers as hh  # noqa: E402


def _why_not() -> str | None:
    if sys.platform != "linux":
        return "the class hub needs Linux (Unix accounts, LocalProcessSpawner)"
    if os.geteuid() != 0:
        return ("needs root: the test creates Unix accounts and the hub starts each student's server as "
                "that account (run the suite as root, as .ci/run does)")
    for tool in ("useradd", "userdel"):
        if shutil.which(tool) is None:
            return f"{tool} not found (Debian's passwd package)"
    if not hh.PROXY.exists() and shutil.which("configurable-http-proxy") is None:
        return ("configurable-http-proxy is not installed: run `npm ci --prefix deploy/jupyterhub` "
                "(.ci/run and `make hub` do)")
    return None


@pytest.fixture(scope="module")
def hub():
    """The class of deploy/jupyterhub with fresh accounts: 1 instructor, 1 grader, 5 students.

    ana, ben and cleo use their servers; dan and eve only plant hostile submissions (no server).
    """
    reason = _why_not()
    if reason:
        pytest.skip(reason)
    tag = "t" + secrets.token_hex(3)  # account names no one else uses
    workdir = Path(tempfile.mkdtemp(prefix="nnlab-hub-", dir="/tmp"))
    os.chmod(workdir, 0o755)  # the students traverse it to reach the exchange and the course environment
    port, hub_port, api_port, service_port = hh.free_ports(4)
    lessons = ("01_artificial_neuron",)
    repo = hh.class_repo(workdir, lessons)  # this checkout, or a world-readable copy when it is private
    python = hh.course_python(workdir / "course-env", repo)
    spec = hh.ClassSpec(
        course_id="nnlab", grader=f"{tag}-grader", instructors=(f"{tag}-teacher",),
        students=tuple(f"{tag}-{n}" for n in ("ana", "ben", "cleo", "dan", "eve")), authenticator="dummy",
        exchange=str(workdir / "exchange"), state_dir=str(workdir / "state"), lessons=lessons,
        port=port, hub_port=hub_port, proxy_api_port=api_port, service_port=service_port, python=python,
        memory_limit="1G")  # lesson 01 needs ~250 MiB; a smaller limit makes the memory bomb quicker
    class_file = hh.write_class_file(spec, workdir / "class.toml")
    accounts = (spec.grader, *spec.instructors, *spec.students)
    started = None
    try:
        hh.setup_class.setup(spec, repo)
        started = hh.start_hub(spec, class_file, workdir, repo=repo)
        yield started
    finally:
        phases = {}
        t = time.monotonic()
        if started is not None:
            # The servers first, all at once (SIGTERM); then the hub has nothing left to wait for.
            hh.setup_class.stop_processes(list(accounts))
            phases["stop servers"] = time.monotonic() - t
            hh.stop_hub(started)
            phases["stop hub"] = time.monotonic() - t
        log = workdir / "jupyterhub.log"
        if log.exists():  # kept for reading after the run
            artifacts = hh.REPO / "test-artifacts" / "hub"
            artifacts.mkdir(parents=True, exist_ok=True)
            shutil.copy(log, artifacts / "jupyterhub.log")
        # The hub removes each server's cgroup when it stops the server; one it could not stop in
        # time (killed above, the hub stopped before it polled) is removed here, and said.
        phases["cgroups left by the hub"] = hh.remove_cgroups(accounts)
        hh.setup_class.remove(spec)
        phases["remove accounts"] = time.monotonic() - t
        shutil.rmtree(workdir, ignore_errors=True)
        phases["remove files"] = time.monotonic() - t
        _assert_gone(accounts, [port, hub_port, api_port, service_port])
        phases["checked"] = time.monotonic() - t
        artifacts = hh.REPO / "test-artifacts" / "hub"
        artifacts.mkdir(parents=True, exist_ok=True)
        (artifacts / "teardown.json").write_text(json.dumps(
            {k: round(v, 1) if isinstance(v, float) else v for k, v in phases.items()}, indent=1))


def _assert_gone(accounts, ports) -> None:
    """After teardown: no account, home, process or listening port of the test is left."""
    import pwd

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(hh.port_open(p) for p in ports):
        time.sleep(0.2)
    left = {
        "accounts": [a for a in accounts if _exists(pwd, a)],
        "homes": [a for a in accounts if Path("/home", a).exists()],
        "ports": [p for p in ports if hh.port_open(p)],
        "cgroups": hh.cgroups_of(accounts),
    }
    assert not any(left.values()), f"the hub test left things behind: {left}"


def _exists(pwd, name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False
