"""The submission sandbox on its own (grading/sandbox.py), with tiny notebooks: no lesson, quick.

What the sandbox must give: the kernel runs as an unprivileged user, sees none of the
grading host's files but the read-only environment, reaches no network (not even the
host's loopback), leaves nothing running, and is held to its limits. A weaker level
(forced with NNLAB_SANDBOX) is announced, never silent.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import pytest

import course
import sandbox

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hostile")]
LIMITS = sandbox.Limits(cell_timeout=10, notebook_timeout=60, memory_mb=2048, processes=64, output_kb=64,
                        total_output_kb=256)


def run(*cells: str, limits=LIMITS, isolation=None):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(textwrap.dedent(c)) for c in cells])
    result = sandbox.run_notebook(nbformat.writes(nb), [], limits, slot=7, isolation=isolation)
    assert result.result is not None, result.stderr_tail
    executed = nbformat.reads(result.result["notebook"], as_version=4)
    return result, ["".join(str(o.get("text", "")) + str(o.get("ename", "")) + str(o.get("evalue", ""))
                            for o in c.get("outputs", [])) for c in executed.cells]


@pytest.fixture(scope="module")
def isolation():
    iso = sandbox.detect()
    if iso.tool != "bwrap":
        pytest.fail(f"bubblewrap is not usable here ({iso.warning}); .ci/run installs it")
    return iso


def test_the_kernel_is_unprivileged_and_sees_only_the_environment(isolation):
    secret = course.GRADING / "course.py"
    _, out = run(f"""
        import os
        print("uid", os.getuid())
        for p in [{str(secret)!r}, {str(course.NOTEBOOKS)!r}, {str(course.DEFAULT_ROOT)!r}, "/root/.bash_history", "/home"]:
            print(p, "visible" if os.path.exists(p) else "absent")
        import labkit, numpy
        try:
            open(os.path.join(os.path.dirname(labkit.__file__), "pwned.py"), "w")
            print("env writable")
        except OSError:
            print("env read-only")
        print(sorted(os.listdir(".")))
        """)
    text = out[0]
    assert "uid 0" not in text
    assert "visible" not in text, text
    assert "env read-only" in text
    assert "[]" in text  # the working folder holds nothing but what the grader put there


def test_no_secret_of_the_grader_reaches_the_sandbox(isolation, monkeypatch):
    """Neither the kernel's environment nor any process it can read (bwrap's own, pid 1 inside, where
    the grader is not root) holds what the grader's environment holds."""
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "hub-secret-4242")
    monkeypatch.setenv("NNLAB_TEST_SECRET", "grader-secret-4242")
    _, out = run("""
        import os
        seen = [f"env:{k}" for k, v in os.environ.items() if "4242" in v]
        for pid in os.listdir("/proc"):
            if pid.isdigit():
                try:
                    if b"4242" in open(f"/proc/{pid}/environ", "rb").read():
                        seen.append(f"/proc/{pid}/environ")
                except OSError:
                    pass
        print("secrets", seen)
        """)
    assert "secrets []" in out[0], out[0]


def test_no_network_not_even_the_host_loopback(isolation):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.2)
    port = server.getsockname()[1]
    _, out = run(f"""
        import socket
        for host in ("127.0.0.1", "1.1.1.1"):
            try:
                socket.create_connection((host, {port} if host == "127.0.0.1" else 80), timeout=2)
                print("connected", host)
            except OSError as e:
                print("refused", host)
        """)
    with pytest.raises(OSError):
        server.accept()
    server.close()
    assert "connected" not in out[0] and out[0].count("refused") == 2, out[0]


def test_nothing_is_left_running(isolation):
    _, out = run("""
        import os, subprocess
        subprocess.Popen(["sleep", "300"], start_new_session=True)
        if os.fork() == 0:
            os.setsid()
            os.execvp("sleep", ["sleep", "301"])
        print("spawned")
        """)
    assert "spawned" in out[0]
    # The PID namespace's processes are killed with its init; the kernel delivers those SIGKILLs
    # asynchronously, so on a loaded machine they may take a moment to die.
    deadline = time.monotonic() + 15
    while (left := sandbox.live_processes(sandbox.slot_uid(7))) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not left, f"processes of the sandbox user survived for 15 s: {left}"


def test_limits_time_memory_processes_files_output(isolation):
    result, out = run(
        "import numpy as np\ntry:\n    np.ones(2 ** 32)\nexcept MemoryError as e:\n    print('MemoryError')",
        "try:\n    open('big', 'wb').write(b'x' * (100 * 2**20))\nexcept OSError as e:\n    print('file cap', type(e).__name__)",
        "print('y' * 1_000_000)",
        "while True:\n    pass",
        "print('after the loop')",
        "import subprocess\nn = 0\ntry:\n    for _ in range(200):\n        subprocess.Popen(['sleep', '30']); n += 1\n"
        "except OSError:\n    print('stopped at', n)",
    )
    assert "MemoryError" in out[0]
    assert "file cap" in out[1]
    assert len(out[2]) < 80_000 and "output cut" in out[2], out[2][:300]
    assert "CellTimeoutError" in out[3]
    assert "after the loop" in out[4]
    assert "stopped at" in out[5] and int(out[5].split("stopped at")[1].split()[0]) < LIMITS.processes
    assert result.result["timed_out"] == [3]


def test_a_kernel_deaf_to_interrupts_is_shut_down_and_the_run_reported(isolation):
    limits = sandbox.Limits(cell_timeout=3, notebook_timeout=30)
    result, out = run("import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass",
                      "print('never')", limits=limits)
    assert "never" not in out[1]
    assert result.result["stopped_at"] == 1 and result.seconds < 90


def test_cells_each_under_the_cell_limit_stop_at_the_notebook_limit(isolation):
    limits = sandbox.Limits(cell_timeout=6, notebook_timeout=12)
    result, out = run(*["import time; time.sleep(5); print('slept')"] * 5, limits=limits)
    assert result.result["out_of_time"] and out.count("slept\n") < 5, out
    assert sum("slept" in o for o in out) <= 3


def test_a_weaker_sandbox_is_announced_in_the_report(tmp_path, monkeypatch):
    """Forced to the last resort, the grader says so on stderr and in the batch report."""
    lesson = "00_welcome"
    root = tmp_path / "course"
    course.release([lesson], root=root)
    folder = root / "submitted" / "one" / lesson
    folder.mkdir(parents=True)
    (folder / f"{lesson}.ipynb").write_text("not a notebook")  # no kernel needed to prove the announcement
    monkeypatch.setenv("NNLAB_SANDBOX", "none")
    proc = subprocess.run([sys.executable, str(course.GRADING / "course.py"), "--root", str(root), "autograde"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" in proc.stderr and "sandbox disabled" in proc.stderr
    report = (root / course.REPORT_FILE).read_text()
    assert "NO SANDBOX" in report and "WARNING" in report


def test_detect_prefers_bubblewrap_and_validates_the_override(monkeypatch):
    monkeypatch.setenv("NNLAB_SANDBOX", "chroot")
    with pytest.raises(ValueError, match="bwrap, unshare or none"):
        sandbox.detect()
    monkeypatch.setenv("NNLAB_SANDBOX", "unshare")
    assert sandbox.detect().warning and "hidden tests" in sandbox.detect().warning
    monkeypatch.delenv("NNLAB_SANDBOX")
    if sandbox.shutil.which("bwrap"):
        assert sandbox.detect().tool == "bwrap"


def test_export_tells_not_submitted_from_zero_and_lands_in_the_course_root(tmp_path):
    """Issue 15: a lesson never submitted says so; grades.csv goes under the course root, which git ignores."""
    import csv

    root = tmp_path / "course"
    course.release(["00_welcome", "01_artificial_neuron"], root=root)
    folder = root / "submitted" / "ada" / "00_welcome"
    folder.mkdir(parents=True)
    (folder / "00_welcome.ipynb").write_text("not a notebook")
    course.autograde("00_welcome", root=root)
    path = course.export(root=root)
    assert path == root / "grades.csv"
    rows = {r["assignment"]: r for r in csv.DictReader(path.open()) if r["student_id"] == "ada"}
    assert rows["01_artificial_neuron"]["status"] == "not submitted" and rows["01_artificial_neuron"]["score"] == "0.0"
    assert rows["00_welcome"]["status"] == "unreadable" and rows["00_welcome"]["reason"]
    ignored = subprocess.run(["git", "check-ignore", "-q", str(course.DEFAULT_ROOT / "grades.csv")], cwd=course.REPO)
    assert ignored.returncode == 0
    make = (course.REPO / "Makefile").read_text()
    grades = make[make.index("\ngrades:"):].split("\n\n")[0]
    assert "course.py export" in grades and ".csv" not in grades  # the default path, under the course root


def test_a_rerun_grades_only_what_is_new_or_changed(tmp_path):
    root = tmp_path / "course"
    course.release(["00_welcome"], root=root)
    for student in ("ada", "bob"):
        folder = root / "submitted" / student / "00_welcome"
        folder.mkdir(parents=True)
        (folder / "00_welcome.ipynb").write_text(f"{student}'s broken notebook")
    course.autograde("00_welcome", root=root)
    done = {s: (root / "autograded" / s / "00_welcome" / "00_welcome.ipynb").stat().st_mtime_ns for s in ("ada", "bob")}
    (root / "submitted" / "bob" / "00_welcome" / "00_welcome.ipynb").write_text("bob resubmitted, still broken")
    course.autograde("00_welcome", root=root)
    again = {s: (root / "autograded" / s / "00_welcome" / "00_welcome.ipynb").stat().st_mtime_ns for s in ("ada", "bob")}
    assert again["ada"] == done["ada"], "an unchanged, graded submission was graded again"
    assert again["bob"] != done["bob"], "a changed submission was not regraded"
    assert set(course.verdicts(root)) == {("00_welcome", "ada"), ("00_welcome", "bob")}
