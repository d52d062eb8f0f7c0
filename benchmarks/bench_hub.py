"""A class on one hub, measured: N students through release, fetch, Validate, submit, collect, autograde, feedback.

    sudo .venv/bin/python benchmarks/bench_hub.py [--students 20] [--lesson 01_artificial_neuron]

Builds the class of deploy/jupyterhub exactly as tests/hub does (real Unix accounts made by
setup_class.py, the real hub and proxy on 127.0.0.1, each server in its cgroup with the class
file's limits), then, with every student acting at once where a class would:

    servers    every student's server started (--start-at-once at a time: a class logs in over a
               minute, and the hub gives a server 180 s to answer)
    idle       memory of one idle server (PSS of its processes; its cgroup's RSS)
    release    the instructor generates and releases the lesson (formgrader API)
    fetch      every student fetches it (all at once)
    validate   every student saves the solved notebook and presses Validate (all at once: "everyone
               runs lesson N"); per-student latency, peak memory of a student's cgroup, machine memory
    submit     every student submits (all at once)
    collect    the instructor collects
    autograde  the formgrader's Autograde, one student after another (what the button does)
    feedback   generate + release feedback; every student fetches theirs

and prints the seconds of each phase, memory per idle and per busy server, and autograde
throughput. Everything it made (accounts, processes, folders) is removed at the end. Needs root
and configurable-http-proxy (npm ci --prefix deploy/jupyterhub); otherwise it says why and exits.
A script that prints figures, not a test: `make bench` runs it too (skipped when not root).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "hub"))

import hub_helpers as hh  # noqa: E402


def pss_mib(pids) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError):
            pass
    return total / 1024


def cgroup_memory(name: str) -> dict:
    """RSS and peak usage of a student's cgroup (MiB), v1 or v2."""
    import nnlab_spawner

    version, dirs = nnlab_spawner.find_hierarchy()
    if version == "v1":
        d = dirs["memory"] / "nnlab" / name
        stat = dict(line.split() for line in (d / "memory.stat").read_text().splitlines())
        return {"rss": int(stat.get("total_rss", stat.get("rss", 0))) / 2 ** 20,
                "peak": int((d / "memory.max_usage_in_bytes").read_text()) / 2 ** 20}
    d = dirs[""] / "nnlab" / name
    stat = dict(line.split() for line in (d / "memory.stat").read_text().splitlines())
    peak = d / "memory.peak"
    return {"rss": int(stat.get("anon", 0)) / 2 ** 20,
            "peak": int(peak.read_text()) / 2 ** 20 if peak.exists() else float("nan")}


def machine_used_mib() -> float:
    info = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines())
    kib = lambda k: int(info[k].split()[0])  # noqa: E731
    return (kib("MemTotal") - kib("MemAvailable")) / 1024


class Sampler:
    """Highest machine memory in use while a phase runs."""

    def __init__(self):
        self.peak, self._stop = 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, machine_used_mib())
            self._stop.wait(0.5)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def everyone(fn, items, width):
    """fn(item) for every item at once (``width`` threads); returns each one's seconds."""
    def timed(item):
        t = time.monotonic()
        fn(item)
        return time.monotonic() - t
    with ThreadPoolExecutor(width) as pool:
        return list(pool.map(timed, items))


def summary(xs) -> str:
    xs = sorted(xs)
    return f"median {statistics.median(xs):.1f} s, slowest {xs[-1]:.1f} s"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=20, help="students in the class (at least 1; default 20)")
    parser.add_argument("--lesson", default="01_artificial_neuron")
    parser.add_argument("--memory-limit", default="1G", help="memory_limit of the class file (default 1G)")
    parser.add_argument("--start-at-once", type=int, default=5,
                        help="servers requested at the same time while the class logs in (default 5)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.students < 1:
        parser.error(f"--students {args.students}: expected at least 1")
    import conftest  # the hub test's own preconditions (root, useradd, the proxy)

    why = conftest._why_not()
    if why:
        print(f"bench_hub skipped: {why}")
        return 0
    if not (REPO / "notebooks" / args.lesson / f"{args.lesson}.ipynb").exists():
        parser.error(f"--lesson {args.lesson!r}: no notebooks/{args.lesson}/{args.lesson}.ipynb")

    import test_class_on_hub as cycle_test  # solved(): the released notebook with the solutions in

    tag = "b" + secrets.token_hex(3)
    workdir = Path(tempfile.mkdtemp(prefix="nnlab-benchhub-", dir="/tmp"))
    os.chmod(workdir, 0o755)
    lessons = (args.lesson,)
    repo = hh.class_repo(workdir, lessons)
    python = hh.course_python(workdir / "course-env", repo)
    port, hub_port, api_port, service_port = hh.free_ports(4)
    students = tuple(f"{tag}-s{i:03d}" for i in range(args.students))
    spec = hh.ClassSpec(
        course_id="nnlab", grader=f"{tag}-grader", instructors=(f"{tag}-teacher",), students=students,
        authenticator="dummy", exchange=str(workdir / "exchange"), state_dir=str(workdir / "state"),
        lessons=lessons, port=port, hub_port=hub_port, proxy_api_port=api_port, service_port=service_port,
        python=python, memory_limit=args.memory_limit)
    class_file = hh.write_class_file(spec, workdir / "class.toml")
    accounts = [spec.grader, *spec.instructors, *students]
    figures: dict = {"students": args.students, "lesson": args.lesson, "cpus": os.cpu_count(),
                     "memory_limit": args.memory_limit, "seconds": {}}
    sec = figures["seconds"]
    hub = None
    course, lesson, nb_name = spec.course_id, args.lesson, f"{args.lesson}.ipynb"
    nb_path = f"/api/contents/{course}/{lesson}/{nb_name}"
    try:
        t = time.monotonic()
        hh.setup_class.setup(spec, repo)
        hub = hh.start_hub(spec, class_file, workdir, timeout=300, repo=repo)
        sec["class setup + hub start"] = time.monotonic() - t
        teacher = hh.HubUser(hub, spec.instructors[0])
        people = everyone_users(hub, students)

        t = time.monotonic()
        waves = [people[i:i + args.start_at_once] for i in range(0, len(people), args.start_at_once)]
        wave_seconds = []
        for wave in waves:
            w = time.monotonic()
            everyone(lambda s: s.request_server(), wave, len(wave))
            everyone(lambda s: s.wait_server(timeout=600), wave, len(wave))
            wave_seconds.append(time.monotonic() - w)
        sec["servers"] = time.monotonic() - t
        figures["server_start_per_wave"] = (f"{args.start_at_once} at a time: "
                                            + ", ".join(f"{x:.0f}" for x in wave_seconds) + " s")
        time.sleep(10)  # let them settle
        idle = [pss_mib(hh.processes_of(s.name)) for s in people]
        idle_cg = [cgroup_memory(s.name)["rss"] for s in people]
        figures["idle_server_pss_mib"] = statistics.median(idle)
        figures["idle_server_cgroup_rss_mib"] = statistics.median(idle_cg)
        figures["class_rss_mib_all_idle"] = sum(idle_cg)
        figures["hub_proxy_culler_service_pss_mib"] = pss_mib(  # the students' servers are the hub's children too
            [hub.process.pid, *[p for p in _children(hub.process.pid) if Path(f"/proc/{p}").stat().st_uid == 0],
             *hh.processes_of(spec.grader)])

        t = time.monotonic()
        teacher.formgrader("post", f"/assignment/{lesson}/assign")
        teacher.formgrader("post", f"/assignment/{lesson}/release")
        sec["release"] = time.monotonic() - t

        released = {}

        def fetch(s):
            s.nbgrader("fetch", course, lesson)
            released[s.name] = s.get(s.server(nb_path)).json()["content"]
        sec["fetch (all at once)"] = max(everyone(fetch, people, len(people)))

        validated = {}

        def validate(s):
            r = s.put(s.server(nb_path), json={"type": "notebook", "format": "json",
                                               "content": cycle_test.solved(released[s.name])})
            assert r.status_code in (200, 201), r.text
            try:
                r = s.post(s.server("/assignments/validate"), timeout=600,
                           data={"path": f"{course}/{lesson}/{nb_name}"})
                validated[s.name] = r.json()
            except Exception as exc:  # a request that hangs or a server that dies is a result too
                validated[s.name] = {"success": False, "value": f"{type(exc).__name__}: {exc}"[:500]}
        t = time.monotonic()
        with Sampler() as sampler:
            latencies = everyone(validate, people, len(people))
        sec["validate (all at once)"] = time.monotonic() - t
        figures["validate_latency"] = summary(latencies)
        figures["validate_passed"] = sum(1 for v in validated.values() if v == {"success": True, "value": {}})
        failed = [v for v in validated.values() if v != {"success": True, "value": {}}]
        if failed:
            figures["validate_first_failure"] = json.dumps(failed[0])[:1500]
        peaks = [cgroup_memory(s.name)["peak"] for s in people]
        figures["busy_server_peak_mib"] = statistics.median(peaks)
        figures["class_peak_mib_validate (sum of peaks)"] = sum(peaks)
        figures["machine_peak_used_mib_validate (other work included)"] = sampler.peak

        t = time.monotonic()
        everyone(lambda s: s.nbgrader("submit", course, lesson), people, len(people))
        sec["submit (all at once)"] = time.monotonic() - t

        t = time.monotonic()
        log = teacher.formgrader("post", f"/assignment/{lesson}/collect")["log"]
        sec["collect"] = time.monotonic() - t
        figures["collect_refused"] = log.count("Refused submission")

        t = time.monotonic()
        for name in students:
            teacher.formgrader("post", f"/submission/{lesson}/{name}/autograde")
        sec["autograde (one after another)"] = time.monotonic() - t
        figures["autograde_per_minute"] = 60 * len(students) / sec["autograde (one after another)"]
        grades = {row["student"]: row for row in teacher.formgrader("get", f"/submissions/{lesson}")}
        figures["full_marks"] = sum(1 for n in students if grades.get(n, {}).get("score") == grades.get(n, {}).get("max_score"))
        figures["autograde_isolation"] = _isolation(hub)

        t = time.monotonic()
        teacher.formgrader("post", f"/assignment/{lesson}/generate_feedback")
        teacher.formgrader("post", f"/assignment/{lesson}/release_feedback")
        everyone(lambda s: s.nbgrader("fetch_feedback", course, lesson), people, len(people))
        sec["feedback (generate, release, all fetch)"] = time.monotonic() - t
    finally:
        t = time.monotonic()
        if hub is not None and hub.log_path.exists():
            out = REPO / "test-artifacts" / "hub"
            out.mkdir(parents=True, exist_ok=True)
            shutil.copy(hub.log_path, out / "bench_hub.log")
        if hub is not None:
            hh.setup_class.stop_processes(accounts)
            hh.stop_hub(hub)
        hh.remove_cgroups(accounts)
        hh.setup_class.remove(spec)
        shutil.rmtree(workdir, ignore_errors=True)
        sec["teardown"] = time.monotonic() - t
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


def _children(pid: int) -> list[int]:
    """Direct children of ``pid`` (the proxy, the culler)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(entry.name))
            except (FileNotFoundError, ProcessLookupError, IndexError):
                pass
    return out


def everyone_users(hub, names):
    """Log every student in (a few at a time: the hub's login is the same for all)."""
    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(lambda n: hh.HubUser(hub, n), names))


def _isolation(hub) -> str:
    """What the hub's log says about how autograde ran (the sandbox, when grading/ wires it in)."""
    log = hub.log_path.read_text(errors="replace")
    for word in ("bubblewrap", "bwrap", "sandbox"):
        if word in log:
            return f"log mentions {word!r}"
    return "no sandbox mentioned in the hub's log"


def report(f: dict) -> None:
    print(f"A class of {f['students']} students on one hub, lesson {f['lesson']}, {f['cpus']} CPUs, "
          f"memory_limit {f['memory_limit']} per server; load average at the end "
          f"{os.getloadavg()[0]:.1f} (other work on the machine slows every phase)")
    for phase, s in f["seconds"].items():
        print(f"  {phase:42s} {s:7.1f} s")
    for key in f:
        if key not in ("students", "lesson", "cpus", "memory_limit", "seconds"):
            v = f[key]
            print(f"  {key:42s} {v:7.1f}" if isinstance(v, float) else f"  {key:42s} {v}")


if __name__ == "__main__":
    sys.exit(main())
