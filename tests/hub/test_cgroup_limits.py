"""The per-student limits CgroupSpawner writes (deploy/jupyterhub/nnlab_spawner.py), without a hub.

The limits themselves are tested on the real hub (test_class_on_hub.py: memory bomb, fork bomb,
CPU share, cleanup on stop). Here: the files each cgroup version gets, against a scratch folder,
and that this machine's hierarchy is found or refused with a reason.
"""

from __future__ import annotations

import pytest

import hub_helpers  # noqa: F401  (puts deploy/jupyterhub on sys.path)
from nnlab_spawner import Cgroup, find_hierarchy

GiB = 2 ** 30


def test_v2_files(tmp_path):
    cg = Cgroup("v2", {"": tmp_path / "nnlab" / "ana"})
    cg.create(memory=GiB, cpu_weight=100, cpu_limit=None, pids=256)
    d = tmp_path / "nnlab" / "ana"
    assert (d / "memory.max").read_text() == f"{GiB}\n"
    assert (d / "cpu.weight").read_text() == "100\n"
    assert (d / "cpu.max").read_text() == "max 100000\n"
    assert (d / "pids.max").read_text() == "256\n"
    assert cg.procs_files() == [str(d / "cgroup.procs")]


def test_v1_files_and_memsw_order(tmp_path):
    dirs = {c: tmp_path / c / "nnlab" / "ana" for c in ("memory", "cpu", "pids")}
    dirs["memory"].mkdir(parents=True)
    (dirs["memory"] / "memory.limit_in_bytes").write_text(str(2 ** 63 - 4096))
    (dirs["memory"] / "memory.memsw.limit_in_bytes").write_text(str(2 ** 63 - 4096))
    Cgroup("v1", dirs).create(memory=GiB, cpu_weight=50, cpu_limit=1.5, pids=128)
    assert (dirs["memory"] / "memory.limit_in_bytes").read_text() == f"{GiB}\n"
    assert (dirs["memory"] / "memory.memsw.limit_in_bytes").read_text() == f"{GiB}\n"
    assert (dirs["cpu"] / "cpu.shares").read_text() == "512\n"
    assert (dirs["cpu"] / "cpu.cfs_quota_us").read_text() == "150000\n"
    assert (dirs["pids"] / "pids.max").read_text() == "128\n"


def test_this_machine_has_a_hierarchy_or_says_why():
    try:
        version, dirs = find_hierarchy()
    except RuntimeError as exc:
        assert "no usable cgroups" in str(exc) and "SystemdSpawner" in str(exc)
        return
    assert version in ("v1", "v2")
    assert all(d.is_dir() for d in dirs.values()), dirs


def test_an_unknown_version_is_an_error():
    with pytest.raises(ValueError, match="expected 'auto', 'v1' or 'v2'"):
        find_hierarchy("v3")
