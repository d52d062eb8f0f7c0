"""Execute one submitted notebook inside the sandbox and report what happened.

This script is the only grading code inside a submission's sandbox (see
sandbox.py). It reads a job from stdin (the notebook, prepared by the grader
with the test cells restored from the gradebook, and the limits), runs it in a
fresh kernel, and writes one JSON result to stdout: the executed notebook, and
per test cell whether it ran, whether it raised, and whether the kernel's
integrity checks (below) held just before it.

Test cells run with ``store_history=False`` and, after each, a probe makes the kernel drop the
cell's source from its line cache and forget the last exception (``forget_source``): a later
answer cell finds no hidden-test source in ``In``, ``_ih``, the history, ``linecache`` or
``sys.last_traceback``.

It makes itself non-dumpable first, so the kernel (same unprivileged user) can
read neither its memory nor its file descriptors; the kernel's own stdout and
stderr go to /dev/null, so only this process writes the result.

Integrity checks ("guard"): before the student's first cell and again right
before every test cell, a fresh snippet (never a function the student could
replace) fingerprints what a submission could use to steer its tests: IPython's
input and AST transformers, event callbacks, display hook, exception handlers
and cell-running methods, the tracing/profiling hooks, the builtins, and the
functions of labkit.checks, labkit.exercises (feedback, allowlist) and NumPy. Any change from the
first fingerprint, any hook whose code does not come from the installed
environment, and any class defined by the submission whose instances compare
equal (or both less and greater) to an unrelated object is reported; the
grader zeroes the affected tests and flags the submission.
"""

from __future__ import annotations

import asyncio
import ctypes
import json
import os
import resource
import secrets
import sys
import time

STARTED = time.monotonic()  # before the heavy imports (nbclient, nbformat), which run() does

GUARD = r'''
def _nnlab_guard(nonce, baseline_modules, bindings):
    import builtins, gc, hashlib, json, sys, types
    ip = get_ipython()
    trusted = tuple(p for p in {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix} | set(TRUSTED) if p)
    problems = []

    def code_of(f):
        try:
            return _code_of(f)
        except Exception:
            return None

    def _code_of(f):
        seen = 0
        while seen < 8:
            seen += 1
            if isinstance(f, types.MethodType):
                f = f.__func__
            elif hasattr(f, "func") and callable(getattr(f, "func", None)) and not hasattr(f, "__code__"):
                f = f.func
            elif hasattr(f, "__wrapped__") and not hasattr(f, "__code__"):
                f = f.__wrapped__
            else:
                break
        return getattr(f, "__code__", None)

    def is_trusted_callable(f):
        try:
            code = code_of(f)
            if code is not None:
                return code.co_filename.startswith(trusted)
            return isinstance(f, (types.BuiltinFunctionType, types.BuiltinMethodType)) and f.__module__ not in (None, "__main__")
        except Exception:  # e.g. a dead weakref proxy (ReferenceError) in a module's namespace
            return False

    def is_trusted_object(o):
        try:
            import inspect
            return inspect.getfile(o if isinstance(o, type) else type(o)).startswith(trusted)
        except Exception:
            return False

    def ident(f):
        code = code_of(f)
        try:
            return [id(f), id(code) if code is not None else 0,
                    id(getattr(f, "__defaults__", None)), id(getattr(f, "__kwdefaults__", None))]
        except Exception:  # a dead weakref proxy raises ReferenceError, not AttributeError
            return [id(f), id(code) if code is not None else 0, 0, 0]

    fp = {}
    # IPython's cell pipeline
    tm = ip.input_transformer_manager
    for name, items in [("input_transformers_cleanup", ip.input_transformers_cleanup),
                        ("input_transformers_post", ip.input_transformers_post),
                        ("transformer_manager.cleanup", getattr(tm, "cleanup_transforms", [])),
                        ("transformer_manager.line", getattr(tm, "line_transforms", [])),
                        ("transformer_manager.token", getattr(tm, "token_transformers", [])),
                        ("ast_transformers", ip.ast_transformers)]:
        fp[name] = [ident(t) for t in items]
        for t in items:
            if not (is_trusted_callable(t) or is_trusted_object(t)):
                problems.append(f"{name}: {t!r} added by the submission")
    for event, callbacks in ip.events.callbacks.items():
        for cb in callbacks:
            if not is_trusted_callable(cb):
                problems.append(f"event hook {event}: {getattr(cb, '__qualname__', cb)!r} registered by the submission")
    for name in ("displayhook", "display_pub", "display_trap", "compile", "history_manager", "InteractiveTB", "SyntaxTB",
                 "CustomTB", "user_module"):
        obj = getattr(ip, name, None)
        fp["ip." + name] = [id(obj), id(type(obj))]
    if ip.custom_exceptions and not is_trusted_callable(getattr(ip, "CustomTB", None)):
        problems.append(f"custom exception handler set by the submission for {ip.custom_exceptions!r}")
    for name in ("run_cell", "run_cell_async", "_run_cell", "run_ast_nodes", "run_code", "transform_cell",
                 "transform_ast", "showtraceback", "showsyntaxerror", "_showtraceback", "should_run_async",
                 "ex", "ev", "safe_execfile", "get_exception_only", "_get_exc_info", "init_displayhook"):
        if name in vars(ip) and not is_trusted_callable(vars(ip)[name]):
            problems.append(f"the kernel's {name} was replaced on the shell instance")
        for klass in type(ip).__mro__:
            if name in vars(klass):
                fp[f"shell.{klass.__name__}.{name}"] = ident(vars(klass)[name])
    kernel = getattr(ip, "kernel", None)
    if kernel is not None:
        for name in ("do_execute", "execute_request", "send_response", "_publish_execute_input", "_publish_status"):
            if name in vars(kernel) and not is_trusted_callable(vars(kernel)[name]):
                problems.append(f"the kernel's {name} was replaced")
            for klass in type(kernel).__mro__:
                if name in vars(klass):
                    fp[f"kernel.{klass.__name__}.{name}"] = ident(vars(klass)[name])
        fp["kernel.session"] = [id(kernel.session), id(type(kernel.session))]
        fp["kernel.iopub"] = [id(getattr(kernel, "iopub_socket", None))]
    for name in ("displayhook", "excepthook"):
        hook = getattr(sys, name)
        if not (is_trusted_callable(hook) or is_trusted_object(hook)):
            problems.append(f"sys.{name} replaced by the submission")
    for name in ("stdout", "stderr"):
        if not is_trusted_object(getattr(sys, name)):
            problems.append(f"sys.{name} replaced by the submission")
    for getter in ("gettrace", "getprofile"):
        if getattr(sys, getter)() is not None:
            problems.append(f"sys.{getter}() is set: {getattr(sys, getter)()!r}")
    import threading
    if getattr(threading, "_trace_hook", None) or getattr(threading, "_profile_hook", None):
        problems.append("threading.settrace/setprofile is set")
    def trusted_value(v):
        return is_trusted_callable(v) or isinstance(v, type) and is_trusted_object(v) or not callable(v)
    names = {}
    names["builtins"] = {k: [id(v), trusted_value(v)] for k, v in vars(builtins).items() if k not in ("_", "__", "___")}
    for name in ("meta_path", "path_hooks"):
        for finder in getattr(sys, name):
            if not (is_trusted_object(finder) or is_trusted_callable(finder)
                    or getattr(finder, "__module__", "") in ("_frozen_importlib", "_frozen_importlib_external")):
                problems.append(f"sys.{name} holds {finder!r}, added by the submission")
    for name in ("labkit.checks", "labkit.exercises.feedback", "labkit.exercises.allowlist", "numpy", "numpy.testing",
                 "math", "operator", "builtins"):
        import importlib
        try:
            mod = importlib.import_module(name)
        except Exception:
            continue
        fp["module " + name] = [id(mod), getattr(mod, "__file__", "") or ""]
        if getattr(mod, "__file__", None) and not mod.__file__.startswith(trusted):
            problems.append(f"module {name} comes from {mod.__file__}, outside the course environment")
    for modname in sorted(baseline_modules):
        mod = sys.modules.get(modname)
        if mod is None:
            continue
        names[modname] = {k: [ident(v)[0] * 1000003 + ident(v)[1] + ident(v)[2] * 7 + ident(v)[3] * 13, trusted_value(v)]
                          for k, v in list(vars(mod).items()) if callable(v)}
    # the lesson's imports (check helpers, numpy, ...) still name what they imported
    for name, modname, attr in bindings:
        if name not in ip.user_ns:
            continue
        mod = sys.modules.get(modname)
        if mod is None:
            continue
        try:
            expected = getattr(mod, attr) if attr else mod
        except AttributeError:
            continue
        if ip.user_ns[name] is not expected:
            problems.append(f"{name} no longer names {modname}{'.' + attr if attr else ''}: the submission rebound it")
    # values that compare equal to anything
    sentinel = object()
    classes, stack, seen = [], [object], set()
    while stack:  # every class there is, through the subclass tree (cheaper than gc.get_objects())
        klass = stack.pop()
        try:
            subs = type.__subclasses__(klass)
        except Exception:
            continue
        for sub in subs:
            if id(sub) not in seen:
                seen.add(id(sub))
                stack.append(sub)
                classes.append(sub)
    for obj in classes:
        try:
            suspicious = []
            for dunder in ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"):
                f = vars(obj).get(dunder)
                code = code_of(f) if f is not None else None
                if code is None or code.co_filename.startswith(trusted):
                    continue
                suspicious.append((dunder, f))
            if not suspicious:
                continue
            try:
                inst = object.__new__(obj)
            except Exception:
                try:
                    inst = obj.__new__(obj)
                except Exception:
                    inst = None
            verdicts = {}
            for dunder, f in suspicious:
                try:
                    r = f(inst, sentinel)
                    verdicts[dunder] = (r is not NotImplemented) and bool(r)
                except Exception:
                    verdicts[dunder] = False
            lies = ((verdicts.get("__lt__") and verdicts.get("__gt__"))
                    or (verdicts.get("__le__") and verdicts.get("__ge__")))
            if verdicts.get("__eq__") or lies:
                problems.append(f"class {obj.__qualname__} defined by the submission compares equal to anything "
                                "(its comparisons do not depend on the value)")
        except Exception:
            continue
    digest = hashlib.sha256(json.dumps(fp, sort_keys=True).encode()).hexdigest()
    return {"nonce": nonce, "digest": digest, "names": names, "keys": {k: hashlib.sha256(json.dumps(v).encode()).hexdigest()[:12] for k, v in fp.items()},
            "problems": problems}
'''

WATCHED_MODULES = ("labkit.checks", "labkit.exercises.feedback", "labkit.exercises.allowlist", "numpy", "numpy.testing", "numpy.core.numeric",
                   "numpy._core.numeric", "numpy.testing._private.utils", "math", "operator")
REBOUND = ("input", "raw_input")  # ipykernel rebinds these for every request
STRICT = ("builtins", "labkit.checks", "labkit.exercises.feedback")  # any rebinding there is tampering


def guard_source(nonce: str, trusted: list[str], baseline_modules: list[str] | None,
                 bindings: list | None = None) -> str:
    """The snippet sent before each test cell: defines, runs and deletes the guard, prints one marked line."""
    mods = "None" if baseline_modules is None else repr(baseline_modules)
    return (f"TRUSTED = {trusted!r}\n{GUARD}\n"
            f"_nnlab_mods = {mods}\n"
            "if _nnlab_mods is None:\n"
            "    import sys as _nnlab_sys, importlib as _nnlab_il\n"
            "    for _m in ('labkit.checks', 'labkit.exercises.feedback', 'labkit.exercises.allowlist', 'numpy', 'numpy.testing'):\n"
            "        _nnlab_il.import_module(_m)\n"
            f"    _nnlab_mods = sorted(m for m in {WATCHED_MODULES!r} if m in _nnlab_sys.modules)\n"
            f"print('NNLAB-GUARD ' + __import__('json').dumps(dict(_nnlab_guard({nonce!r}, _nnlab_mods, {list(bindings or [])!r}), modules=_nnlab_mods)))\n"
            "del _nnlab_guard, _nnlab_mods, TRUSTED\n")


FORGET = r'''
def _nnlab_forget(hashes):
    import hashlib, linecache, sys
    ip = get_ipython()

    def norm(text):
        return "\n".join(line.rstrip() for line in text.splitlines()).strip()

    for name, entry in list(linecache.cache.items()):
        try:
            text = "".join(entry[2])
        except Exception:
            continue
        if hashlib.sha256(norm(text).encode()).hexdigest() in hashes:
            linecache.cache.pop(name, None)
            getattr(ip.compile, "_filename_map", {}).pop(name, None)
    for name in ("last_type", "last_value", "last_traceback", "last_exc"):
        if hasattr(sys, name):
            setattr(sys, name, None)
    for tb in (getattr(ip, "InteractiveTB", None), getattr(ip, "SyntaxTB", None)):
        if tb is not None and hasattr(tb, "tb"):
            tb.tb = None
'''


def source_hash(source: str) -> str:
    """The hash by which the forget probe finds a test cell's source in the kernel's line cache."""
    import hashlib

    text = "\n".join(line.rstrip() for line in source.splitlines()).strip()
    return hashlib.sha256(text.encode()).hexdigest()


def forget_source(sources: list[str]) -> str:
    """The snippet sent after each test cell: the kernel forgets that cell's source.

    Test cells run with ``store_history=False`` (not in ``In``, ``_ih``, ``_i``, the history
    database); IPython still caches every cell's source in ``linecache`` for tracebacks, and
    keeps the last exception (with its frames). This removes both, so that a later answer
    cell finds no hidden-test source anywhere in the kernel.
    """
    hashes = sorted({source_hash(s) for s in sources})
    return f"{FORGET}\n_nnlab_forget({hashes!r})\ndel _nnlab_forget\n"


def set_limits(limits: dict) -> None:
    """Process limits inherited by everything started from here (the kernel gets a tighter memory cap)."""
    mb = 1024 * 1024
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits["file_mb"] * mb, limits["file_mb"] * mb))
    resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))
    if limits.get("processes"):
        resource.setrlimit(resource.RLIMIT_NPROC, (limits["processes"], limits["processes"]))


KERNEL_LAUNCH = (
    "import os, resource, sys\n"
    "mb = 1024 * 1024\n"
    "resource.setrlimit(resource.RLIMIT_AS, ({mem} * mb, {mem} * mb))\n"
    # no history database: what the kernel ran is not kept on disk either
    "os.execv(sys.executable, [sys.executable, '-m', 'ipykernel_launcher', '--HistoryManager.hist_file=:memory:']"
    " + sys.argv[1:])\n"
)


def main() -> int:
    # The kernel runs as the same user: it must not read this process's memory or fds.
    try:
        ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 4
    except Exception:
        pass
    job = json.loads(sys.stdin.read())
    sys.stdin.close()
    # Only this process writes the result: the kernel inherits /dev/null as its stdout.
    result_fd = os.dup(1)  # not inheritable
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    out = os.fdopen(result_fd, "w")
    sys.stdout = sys.stderr
    limits = job["limits"]
    set_limits(limits)
    result = asyncio.run(run(job))
    out.write(json.dumps(result))
    out.flush()
    return 0


async def run(job: dict) -> dict:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    try:  # issue 16: Output widgets must not stall the run (grading/widget_output.py, when present)
        import widget_output
        widget_output.install()
    except ImportError:
        pass

    limits = job["limits"]
    nb = nbformat.reads(job["notebook"], as_version=4)
    work = job["workdir"]
    spec_dir = os.path.join(job["scratch"], "jupyter", "kernels", "nnlab-sandbox")
    os.makedirs(spec_dir, exist_ok=True)
    with open(os.path.join(spec_dir, "kernel.json"), "w") as f:
        json.dump({"argv": [sys.executable, "-c", KERNEL_LAUNCH.format(mem=int(limits["memory_mb"])),
                            "-f", "{connection_file}"],
                   "display_name": "NN Lab sandbox", "language": "python",
                   "env": {"NBGRADER_EXECUTION": "autograde"}}, f)
    os.environ["JUPYTER_PATH"] = os.path.join(job["scratch"], "jupyter")

    output_cap = int(limits["output_kb"]) * 1024
    total_cap = int(limits["total_output_kb"]) * 1024
    state = {"total": 0, "cell": {}, "truncated": set(), "replies": {}, "timeouts": set()}

    class Client(NotebookClient):
        def output(self, outs, msg, display_id, cell_index):
            if cell_index == state.get("probe"):  # the grader's own probes
                return super().output(outs, msg, display_id, cell_index)
            content = msg.get("content", {})
            size = len(content.get("text", "") or "") + sum(len(str(v)) for v in (content.get("data") or {}).values())
            size += sum(len(line) for line in content.get("traceback", []) or [])
            used = state["cell"].get(cell_index, 0)
            if used + size > output_cap or state["total"] + size > total_cap:
                if cell_index not in state["truncated"]:
                    state["truncated"].add(cell_index)
                    outs.append(nbformat.v4.new_output(
                        "stream", name="stdout",
                        text=f"\n[output cut: this cell printed more than {output_cap // 1024} KB "
                             f"(or the notebook more than {total_cap // 1024} KB)]\n"))
                if msg["msg_type"] != "error":
                    return None
                content = dict(content, traceback=[f"{content.get('ename')}: {str(content.get('evalue'))[:2000]}"])
                msg = dict(msg, content=content)
                size = 0
            state["cell"][cell_index] = used + size
            state["total"] += size
            return super().output(outs, msg, display_id, cell_index)

        async def _async_handle_timeout(self, timeout, cell=None):
            state["timeouts"].add(id(cell))
            return await super()._async_handle_timeout(timeout, cell)

        def _check_raise_for_error(self, cell, cell_index, exec_reply):
            if exec_reply is not None:
                state["replies"][cell_index] = exec_reply.get("content", {}).get("status")
            return super()._check_raise_for_error(cell, cell_index, exec_reply)

    cell_timeout = int(limits["cell_timeout"])
    client = Client(nb, kernel_name="nnlab-sandbox", timeout=cell_timeout, allow_errors=True,
                    interrupt_on_timeout=True, record_timing=False, store_widget_state=True,
                    iopub_timeout=5, startup_timeout=120,
                    error_on_timeout={"ename": "CellTimeoutError", "evalue": f"cell ran longer than {cell_timeout} s"},
                    shutdown_kernel="immediate", resources={"metadata": {"path": work}})
    trusted = job["trusted"]
    cells: dict[int, dict] = {}
    events: list[str] = []
    baseline = None
    modules = None
    started = time.monotonic()
    deadline = started + int(limits["notebook_timeout"])
    stopped_at = None
    kernel_died = False
    timed_out: list[int] = []
    kernel_info = {}

    async def execute(cell, index, timeout, store_history=True):
        client.timeout = timeout
        if index < 0:  # a probe of the grader's: run it as an extra last cell, then take it out again
            nb.cells.append(cell)
            index = len(nb.cells) - 1
            state["probe"] = index
            try:
                return await asyncio.wait_for(client.async_execute_cell(cell, index, store_history=False), timeout + 30)
            finally:
                nb.cells.pop()
                state["replies"][-1] = state["replies"].pop(index, None)
        return await asyncio.wait_for(client.async_execute_cell(cell, index, store_history=store_history),
                                      timeout + 30)

    async def guard(index):
        nonlocal baseline, modules
        nonce = secrets.token_hex(8)
        probe = nbformat.v4.new_code_cell(guard_source(nonce, trusted, modules, job.get("bindings", [])))
        try:
            await execute(probe, -1, 60, store_history=False)
        except Exception as exc:  # a guard that cannot run is itself a finding
            return {"problems": [f"integrity check could not run: {type(exc).__name__}"]}
        lines = [line for o in probe.outputs if o.get("output_type") == "stream"
                 for line in o.get("text", "").splitlines() if line.startswith("NNLAB-GUARD ")]
        if len(lines) != 1:
            errs = [f"{o.get('ename')}: {str(o.get('evalue'))[:300]}" for o in probe.outputs if o.get("output_type") == "error"]
            return {"problems": ["integrity check output missing or duplicated (the kernel's output is being altered)"
                                 + (f"; it raised {errs[0]}" if errs else "")]}
        try:
            report = json.loads(lines[0][len("NNLAB-GUARD "):])
        except ValueError:
            return {"problems": ["integrity check output unreadable"]}
        if report.get("nonce") != nonce:
            return {"problems": ["integrity check answered with a stale or forged report"]}
        problems = list(report.get("problems", []))
        if baseline is None:
            baseline, modules = report, report["modules"]
            return {"problems": problems}
        changed = sorted(k for k in set(report["keys"]) | set(baseline["keys"])
                         if report["keys"].get(k) != baseline["keys"].get(k))
        if changed:
            problems.append("changed since the kernel started: " + ", ".join(changed[:12]))
        for module, before in baseline["names"].items():
            now = report["names"].get(module, {})
            for name, (ident, _) in before.items():
                if name not in now:
                    problems.append(f"{module}.{name} was deleted")
                elif now[name][0] != ident and (not now[name][1] or module in STRICT and name not in REBOUND):
                    problems.append(f"{module}.{name} was replaced")
        return {"problems": problems}

    phases = {"runner_start": round(time.monotonic() - STARTED, 2)}
    try:
        async with client.async_setup_kernel():
            phases["kernel_up"] = round(time.monotonic() - STARTED, 2)
            kernel_info["pid"] = getattr(getattr(client.km, "provisioner", None), "pid", None)
            first = await guard(-1)
            phases["baseline_checked"] = round(time.monotonic() - STARTED, 2)
            if first["problems"]:
                events.append("the fresh kernel failed its own integrity check: " + "; ".join(first["problems"]))
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                meta = cell.metadata.get("nbgrader", {})
                is_test = bool(meta.get("grade")) and not meta.get("solution")
                info = cells.setdefault(index, {"grade_id": meta.get("grade_id"), "test": is_test})
                if time.monotonic() > deadline:
                    stopped_at = stopped_at if stopped_at is not None else index
                    info["ran"] = False
                    continue
                if is_test:
                    info["guard"] = (await guard(index))["problems"]
                remaining = max(1, int(deadline - time.monotonic()))
                try:
                    # A test cell's source never enters the kernel's input history (In, _ih, _i*).
                    await execute(cell, index, min(cell_timeout, remaining), store_history=not is_test)
                except (asyncio.TimeoutError, TimeoutError):
                    info.update(ran=True, hung=True)
                    cell.outputs.append(nbformat.v4.new_output("error", ename="CellTimeoutError",
                                        evalue="the kernel stopped answering", traceback=[]))
                    events.append(f"cell {index}: the kernel stopped answering; it was shut down")
                    stopped_at = index + 1
                    break
                except DeadKernelError:
                    info["ran"] = True
                    info["error"] = True
                    cell.outputs.append(nbformat.v4.new_output("error", ename="DeadKernelError",
                                        evalue="the kernel died while running this cell", traceback=[]))
                    kernel_died = True
                    stopped_at = index + 1
                    events.append(f"cell {index}: the kernel died")
                    break
                info["ran"] = True
                reply = state["replies"].get(index)
                info["reply"] = reply
                errors = [o for o in cell.outputs if o.get("output_type") == "error"]
                info["error"] = reply != "ok" or bool(errors)
                info["enames"] = [o.get("ename") for o in errors]
                if id(cell) in state["timeouts"]:
                    # nbclient interrupted the cell for us: record it, then make sure the kernel is back.
                    timed_out.append(index)
                    info["error"] = True
                    cell.outputs.append(nbformat.v4.new_output(
                        "error", ename="CellTimeoutError",
                        evalue=f"cell ran longer than {cell_timeout} s and was interrupted", traceback=[]))
                    probe = nbformat.v4.new_code_cell("pass")
                    try:
                        await execute(probe, -1, 30, store_history=False)
                        ok = id(probe) not in state["timeouts"] and state["replies"].get(-1) == "ok"
                    except Exception:
                        ok = False
                    if not ok:
                        events.append(f"cell {index}: still running after the interrupt; the kernel was shut down")
                        stopped_at = index + 1
                        break
                if is_test:  # nor stays in the kernel's line cache or last exception
                    forget = nbformat.v4.new_code_cell(forget_source([cell.source]))
                    try:
                        await execute(forget, -1, 30, store_history=False)
                    except Exception as exc:
                        events.append(f"cell {index}: the kernel did not clear the test's source ({type(exc).__name__})")
    except DeadKernelError:
        kernel_died = True
        events.append("the kernel died")
    except Exception as exc:  # the kernel could not start, or nbclient failed: say so
        import traceback
        traceback.print_exc()
        events.append(f"execution stopped: {type(exc).__name__}: {str(exc)[:300]}")
        kernel_died = True
    phases["done"] = round(time.monotonic() - STARTED, 2)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            cells.setdefault(index, {"grade_id": cell.metadata.get("nbgrader", {}).get("grade_id"),
                                     "test": bool(cell.metadata.get("nbgrader", {}).get("grade"))
                                     and not cell.metadata.get("nbgrader", {}).get("solution")})
            cells[index].setdefault("ran", False)
    return {
        "notebook": nbformat.writes(nb),
        "cells": {str(k): v for k, v in cells.items()},
        "events": events,
        "timed_out": sorted(set(timed_out)),
        "stopped_at": stopped_at,
        "out_of_time": time.monotonic() > deadline,
        "kernel_died": kernel_died,
        "truncated": sorted(state["truncated"]),
        "seconds": round(time.monotonic() - started, 2),
        "phases": phases,  # seconds since the runner's interpreter started
    }


if __name__ == "__main__":
    raise SystemExit(main())
