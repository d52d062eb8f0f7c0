"""The route hunt: library callables that compute what an exercise asks for must be rejected.

A recorded ``shortcut_*.py`` answer holds one route that its author thought of. The hunt tries
them all: after the self-test's kernel has run a lesson with the instructor's solutions
(``labkit.exercises.allowlist.RECORDING`` kept the calls each exercise's checks made through
``own_work``: arguments and the solution's result), every public callable of the libraries a
learner could reach is called on the same arguments. One that reproduces the solution's values on
every recorded call is a working shortcut, and calling it from an answer must fail with
``ShortcutUsed`` under that exercise's allow-list.

Run inside the lesson's kernel, at the end (calling thousands of functions has side effects
that must not leak into the lesson):

    import route_hunt; print(route_hunt.report_json())

Candidates: the public functions of torch, torch.nn.functional, torch.special, torch.linalg,
torch.fft, scipy.special, scipy.signal, scipy.ndimage, scipy.stats, scipy.spatial.distance,
sklearn.metrics, sklearn.preprocessing, matplotlib.mlab, NumPy (its routines reproduce what an
exercise asks for when the exercise must ``exclude`` them) and every labkit module; plus the
classes of torch.nn and labkit that construct without arguments (``nn.Softmax()``), called.
Arguments are tried as recorded and with arrays turned into tensors. Calls that change global
state (``set_*``, seeds, files, compilation) are never tried.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import select
import signal
import time
import sys
import warnings
from typing import Any, Callable

import numpy as np

MODULES = ("torch", "torch.nn.functional", "torch.special", "torch.linalg", "torch.fft", "scipy.special",
           "scipy.signal", "scipy.ndimage", "scipy.stats", "scipy.spatial.distance", "sklearn.metrics",
           "sklearn.preprocessing", "matplotlib.mlab", "numpy", "numpy.linalg", "numpy.fft",
           "numpy.lib.stride_tricks")
CLASS_MODULES = ("torch.nn", "labkit.nn")
SKIP_PREFIXES = ("set_", "use_", "manual_seed", "seed", "save", "load", "compile", "export", "from_file", "_",
                 "get_rng", "set", "random", "rand", "initial_seed", "show", "fork", "spawn", "sleep", "wait",
                 "download", "plot", "figure", "display", "memmap", "fromfile", "tofile", "genfromtxt")
SKIP_LABKIT = ("labkit.widgets", "labkit.plots", "labkit.explain.plots", "labkit.data", "labkit.train",
               "labkit.seed", "labkit.exercises", "labkit.checks", "labkit.progress", "labkit.shortcut")
TIME_LIMIT = 0.25  # seconds per candidate call
BUDGET = 150.0  # seconds per exercise function; candidates left untried then are reported as "untried"
WATCHED_TIME_LIMIT = 10.0  # seconds for a reproducing candidate's call under own_work
# Seconds without a word from the child: the candidate it is on is stuck in compiled code, which
# the per-call alarm cannot interrupt (scipy.special.obl_cv(3, 16, 8000) runs for minutes).
HANG_LIMIT = 20.0


class _TooSlow(Exception):
    pass


def _alarm(signum, frame):
    raise _TooSlow()


def _labkit_modules() -> list[str]:
    import labkit

    names = ["labkit"]
    for info in pkgutil.walk_packages(labkit.__path__, "labkit."):
        if not info.name.startswith(SKIP_LABKIT) and ".widgets" not in info.name:
            names.append(info.name)
    # the widgets hold reference code the lessons ask for (robustness.zero_weights): their functions count
    for info in pkgutil.walk_packages(importlib.import_module("labkit.widgets").__path__, "labkit.widgets."):
        names.append(info.name)
    return names


def candidates() -> dict[str, Callable]:
    """{dotted name: callable} of every candidate route (deduplicated by object)."""
    found: dict[str, Callable] = {}
    seen: set[int] = set()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for module_name in MODULES + tuple(_labkit_modules()):
            try:
                module = importlib.import_module(module_name)
            except Exception:
                continue
            labkit_widgets = module_name.startswith("labkit.widgets")
            for name, value in sorted(vars(module).items()):
                if name.startswith(SKIP_PREFIXES) or not callable(value) or id(value) in seen:
                    continue
                if isinstance(value, type):
                    continue  # classes: only the no-argument constructions below
                if labkit_widgets and getattr(value, "__module__", "") != module_name:
                    continue
                seen.add(id(value))
                found[f"{module_name}.{name}"] = value
        for module_name in CLASS_MODULES:
            module = importlib.import_module(module_name)
            for name, value in sorted(vars(module).items()):
                if not isinstance(value, type) or name.startswith("_") or id(value) in seen:
                    continue
                try:
                    instance = value()
                except Exception:
                    continue
                if callable(instance):
                    seen.add(id(value))
                    found[f"{module_name}.{name}()"] = instance
    return found


def _to_torch(value: Any, floats: bool = False):
    """Arrays (and, with ``floats``, Python floats) as tensors; everything else as it is."""
    import torch

    if isinstance(value, np.ndarray) and value.dtype.kind in "fiub":
        return torch.as_tensor(value)
    if floats and isinstance(value, (float, np.floating)):
        return torch.tensor(float(value), dtype=torch.float64)
    if isinstance(value, (list, tuple)):
        return (list if isinstance(value, list) else tuple)(_to_torch(v, floats) for v in value)
    return value


def _to_numpy(value: Any):
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(value, torch.Tensor):
        return value.detach().cpu().numpy()
    if isinstance(value, (list, tuple)):
        return (list if isinstance(value, list) else tuple)(_to_numpy(v) for v in value)
    return value


def _comparable(value: Any) -> bool:
    value = _to_numpy(value)
    if isinstance(value, (bool, int, float, np.number, np.ndarray)):
        return not isinstance(value, np.ndarray) or (value.dtype.kind in "fiub" and value.size > 0)
    if isinstance(value, (list, tuple)) and value:
        return all(_comparable(v) for v in value)
    return False


def same(got: Any, expected: Any) -> bool:
    """Do two results agree in shape and value (float tolerance)?"""
    got, expected = _to_numpy(got), _to_numpy(expected)
    if isinstance(expected, (list, tuple)):
        return isinstance(got, (list, tuple)) and len(got) == len(expected) and all(map(same, got, expected))
    try:
        a, b = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    except (TypeError, ValueError):
        return False
    if a.shape != b.shape or a.size == 0:
        return False
    if np.all(b == b.flat[0]) and b.size > 1:  # a constant result (all zeros) proves nothing
        return False
    return bool(np.allclose(a, b, rtol=1e-5, atol=1e-8, equal_nan=False))


def _call(fn: Callable, args: tuple, kwargs: dict, limit: float = 0.0):
    import copy

    args, kwargs = copy.deepcopy((args, kwargs))
    signal.setitimer(signal.ITIMER_REAL, limit or TIME_LIMIT)
    try:
        return fn(*args, **kwargs)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _reproduces(fn: Callable, probes: list) -> tuple | None:
    """The argument form ("as recorded" or "as tensors") under which ``fn`` gives every probe's result."""
    for form, convert in (("as recorded", lambda v: v), ("as tensors", _to_torch),
                          ("floats as tensors", lambda v: _to_torch(v, floats=True))):
        ok = True
        for args, kwargs, expected in probes:
            try:
                got = _call(fn, convert(args), {k: convert(v) for k, v in kwargs.items()})
            except BaseException as err:  # noqa: BLE001 - a candidate may raise anything, even SystemExit
                if isinstance(err, KeyboardInterrupt):
                    raise
                ok = False
                break
            try:
                agrees = same(got, expected)
            except Exception:
                agrees = False
            if not agrees:
                ok = False
                break
        if ok:
            return form, convert
    return None


def _judge(name: str, fn: Callable, entry: dict, probes: list) -> str | None:
    """None if ``fn`` does not reproduce the solution; else "reproduces" or "escapes" (passes the allow-list)."""
    from labkit.exercises.allowlist import ShortcutUsed, own_work

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = _reproduces(fn, probes)
    if found is None:
        return None
    form, convert = found
    allowance = entry["allowance"]
    answer = own_work(lambda *a, **k: fn(*a, **k), asks_for=entry["asks_for"], allow=allowance.allow,
                      exclude=allowance.exclude, name="answer")
    args, kwargs, _ = probes[0]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _call(answer, convert(args), {k: convert(v) for k, v in kwargs.items()}, limit=WATCHED_TIME_LIMIT)
    except ShortcutUsed:
        return f"reproduces ({form})"
    except _TooSlow:  # the watch slows a call down; on a loaded machine it may not finish: no verdict
        return f"inconclusive ({form}, the watched call took over {WATCHED_TIME_LIMIT:g} s)"
    except BaseException as err:  # noqa: BLE001
        if isinstance(err, KeyboardInterrupt):
            raise
    return f"escapes ({form})"


def _try_in_child(pool: list, entry: dict, probes: list, lines: list[str]) -> int | None:
    """Try ``pool`` in a forked copy of this process; append its verdict lines; the index it died on, if it did.

    Thousands of library functions called on arguments they were not written for: one may crash
    the interpreter (a segfault in compiled code), eat the memory or never return from compiled
    code. A child takes the blow; a child silent for HANG_LIMIT seconds is killed.
    """
    import resource

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no output to the kernel's streams, one thread, bounded memory
        try:
            os.close(read_end)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            sys.stdout = sys.stderr = open(os.devnull, "w")
            torch = sys.modules.get("torch")
            if torch is not None:
                torch.set_num_threads(1)
            pages = int(open("/proc/self/statm").read().split()[0])
            limit = pages * os.sysconf("SC_PAGE_SIZE") + 2 * 2**30
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            out = os.fdopen(write_end, "w", buffering=1)
            signal.signal(signal.SIGALRM, _alarm)
            started = time.monotonic()
            for index, (name, fn) in enumerate(pool):
                if time.monotonic() - started > BUDGET:
                    out.write(f"UNTRIED {len(pool) - index}\n")
                    break
                out.write(f"TRY {index}\n")
                try:
                    verdict = _judge(name, fn, entry, probes)
                except BaseException:  # noqa: BLE001 - whatever a candidate does, go on to the next
                    verdict = None
                if verdict is not None:
                    out.write(f"VERDICT {name} {verdict}\n")
            out.write("DONE\n")
            out.flush()
        finally:
            os._exit(0)
    os.close(write_end)
    last, done, buffer = None, False, b""
    heard = time.monotonic()
    while True:
        ready, _, _ = select.select([read_end], [], [], 1.0)
        if not ready:
            if time.monotonic() - heard > HANG_LIMIT:  # stuck: the candidate it is on counts as crashed
                os.kill(pid, signal.SIGKILL)
                break
            continue
        chunk = os.read(read_end, 65536)
        if not chunk:
            break
        heard = time.monotonic()
        *complete, buffer = (buffer + chunk).split(b"\n")
        for raw in complete:
            line = raw.decode("utf-8", "replace")
            if line.startswith("TRY "):
                last = int(line.split()[1])
            elif line.startswith("UNTRIED "):
                lines.append("UNTRIED " + line.split()[1])
            elif line.startswith("VERDICT "):
                lines.append(line[len("VERDICT "):].strip())
            elif line.startswith("DONE"):
                done = True
    os.close(read_end)
    os.waitpid(pid, 0)
    return None if done else (last if last is not None else 0)


def hunt(recording=None) -> dict[str, dict]:
    """{exercise id: {"functions", "tried", "reproducing", "not_rejected", "crashed"}}.

    Each exercise's candidates run in a forked child (see ``_try_in_child``); a candidate that kills
    the child, or keeps it silent for HANG_LIMIT seconds, is recorded under "crashed" and the rest
    are tried in a new child.
    """
    from labkit.exercises import allowlist

    recording = recording or allowlist.RECORDING
    pool = list(candidates().items())
    report: dict[str, dict] = {}
    for (tag, label), entry in sorted(recording.calls.items()):
        probes = [p for p in entry["probes"] if _comparable(p[2])]
        row = report.setdefault(tag, {"functions": [], "tried": 0, "reproducing": [], "not_rejected": [],
                                      "crashed": []})
        row["functions"].append(label)
        if not probes:
            continue
        remaining, verdicts = pool, []
        while remaining:
            died_at = _try_in_child(remaining, entry, probes, verdicts)
            if died_at is None:
                break
            row["crashed"].append(f"{label}: {remaining[died_at][0]}")
            remaining = remaining[died_at + 1:]
        untried = sum(int(l.split()[1]) for l in verdicts if l.startswith("UNTRIED "))
        verdicts = [l for l in verdicts if not l.startswith("UNTRIED ")]
        row["tried"] += len(pool) - untried
        if untried:
            row.setdefault("untried", []).append(f"{label}: {untried} candidates left after {BUDGET:g} s")
        for line in verdicts:
            name, verdict = line.split(" ", 1)
            row["reproducing"].append(f"{label}: {name} {verdict}")
            if verdict.startswith("inconclusive"):
                row.setdefault("inconclusive", []).append(f"{label}: {name} {verdict}")
            if verdict.startswith("escapes"):
                row["not_rejected"].append(f"{label}: {name} {verdict.removeprefix('escapes ')}")
    return report


def report_json() -> str:
    """The hunt's report as one line of JSON, marked for the self-test to find in the cell's output."""
    return "NNLAB-HUNT " + json.dumps(hunt())
