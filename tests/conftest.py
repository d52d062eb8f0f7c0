"""Suite-wide fixtures: no network but loopback, a headless matplotlib backend."""

from __future__ import annotations

import os

# Two pytest workers share two cores: one BLAS/OpenMP thread each (kernels inherit this),
# or a small matrix product can take seconds while threads fight over the cores.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import ipaddress  # noqa: E402
import socket

import pytest

import matplotlib  # noqa: E402

matplotlib.use("Agg")  # this process only: kernels the tests start keep Jupyter's inline backend
os.environ.pop("MPLBACKEND", None)
os.environ.setdefault("TQDM_DISABLE", "1")


class NetworkBlockedError(RuntimeError):
    """Raised when a test (or the code it runs) tries to reach beyond this machine."""


def _is_loopback(address) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: resolving it would already be network access


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _guarded_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
        raise NetworkBlockedError(
            f"network access to {address!r} blocked: NN Lab runs offline. "
            "Generate the data (labkit.data) instead of downloading it."
        )
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
        raise NetworkBlockedError(f"network access to {address!r} blocked: NN Lab runs offline.")
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    if host not in (None, "localhost", "127.0.0.1", "::1", "0.0.0.0", "") and not str(host).startswith("127."):
        raise NetworkBlockedError(f"name lookup of {host!r} blocked: NN Lab runs offline.")
    return _real_getaddrinfo(host, *args, **kwargs)


@pytest.fixture(autouse=True, scope="session")
def one_thread_per_worker():
    """Hold this process to one BLAS and one torch thread too (the variables above cover kernels).

    Tiny models and matrices run many times slower when two threads per worker fight
    over two cores. One place for the whole suite, not one fixture per test folder.
    """
    from threadpoolctl import threadpool_limits

    import torch

    torch.set_num_threads(1)
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(autouse=True, scope="session")
def offline_guard():
    """Block every non-loopback connection for the whole test session."""
    socket.socket.connect = _guarded_connect
    socket.socket.connect_ex = _guarded_connect_ex
    socket.getaddrinfo = _guarded_getaddrinfo
    yield
    socket.socket.connect = _real_connect
    socket.socket.connect_ex = _real_connect_ex
    socket.getaddrinfo = _real_getaddrinfo


# The grading tools (grading/course.py, grading/selftest.py) are scripts, not a package.
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "grading") not in sys.path:
    sys.path.insert(0, str(REPO / "grading"))
if str(REPO / "tests") not in sys.path:  # tests/fake_cuda.py
    sys.path.insert(0, str(REPO / "tests"))


# --- keeping a module's shared fixture on one xdist worker ------------------------------------
# Some modules build one expensive fixture for all their tests (the hostile class, the sandbox
# runs, a JupyterLab server) and mark themselves `pytestmark = [..., pytest.mark.xdist_group("name")]`.
# xdist 3.8's loadgroup reads that mark by rewriting item._nodeid, which pytest 9 no longer
# consults, so each worker built the fixture itself (the hostile class twice, 4.5 min each).
# The scheduler below groups by the same marks, read from the modules' source.
import re  # noqa: E402

_GROUP_MARK = re.compile(r"""^pytestmark\s*=.*xdist_group\(\s*["']([^"']+)["']""", re.MULTILINE)


def module_groups(tests_dir: Path = Path(__file__).resolve().parent) -> dict[str, str]:
    """{test module path relative to the repository: xdist group name} for modules marked whole."""
    groups = {}
    for path in sorted(tests_dir.rglob("test_*.py")):
        found = _GROUP_MARK.search(path.read_text())
        if found:
            groups[path.relative_to(tests_dir.parent).as_posix()] = found.group(1)
    return groups


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    groups = module_groups()

    class ModuleGroupScheduling(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            group = groups.get(nodeid.split("::", 1)[0])
            return f"group:{group}" if group else super()._split_scope(nodeid)

    return ModuleGroupScheduling(config, log)
