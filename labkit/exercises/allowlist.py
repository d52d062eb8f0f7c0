"""Exercises a learner must solve, not look up: each says what an answer *may* use.

labkit ships reference versions of almost everything the course asks learners to write,
and so do PyTorch, SciPy, scikit-learn and matplotlib. A list of forbidden routes only
holds the routes its author thought of, so an exercise names what its answer may reach
instead, and anything else, reached at any depth, fails with ``ShortcutUsed``:

    sigmoid = own_work(sigmoid, asks_for="your own sigmoid, written with NumPy")
    sigmoid(np.zeros(3))            # fine: the learner's code and NumPy
    # an answer that calls scipy.special.expit, torch.sigmoid or labkit.nn.Sigmoid fails:
    # ShortcutUsed: sigmoid(...) reached torch.sigmoid, which this exercise does not allow.

What an answer may always reach: the learner's own notebook code, NumPy (less the routines an
exercise ``exclude``s because they *are* the exercise, e.g. ``numpy.convolve``), Python's
built-ins and standard library (less the escape hatches that would hide work from the watch:
threads, processes, ``ctypes``, the profiler switches). ``allow`` adds dotted import paths: a
module (everything in it), a class (its methods and those it inherits), a function or built-in,
or a method of a built-in type (``torch.Tensor.sum``). ``TORCH_TENSOR_MATH`` names the tensor
primitives (arithmetic, ``matmul``, ``exp``, ``sum``, indexing, ...) for exercises written with
torch; ``torch.nn.functional``, losses and modules are allowed only where an exercise names them.

How it watches (all inside one call of the wrapped function):

- Every Python function entered is classified by the file its code lives in: the learner's
  (anything outside the installed packages and the standard library), the standard library's,
  or a package's (site-packages, or labkit's folder). A call made from the learner's code or the
  standard library into a package must land on an allowed entry (compared by code object, not by
  name); inside an allowed package function, calls within the same package are its own business,
  but a call out of it (a callback: ``np.apply_along_axis(scipy.special.softmax, ...)``) is
  judged again as if the learner made it.
- Every built-in (C) function and method called from checked code is judged the same way.
- Every torch operation passes a ``TorchFunctionMode``, which sees it however it was reached
  (a torch built-in handed to ``map`` or ``functools.partial`` included) and judges it when the
  code that triggered it is the learner's.
- Every function of the learner's that runs is read for the library callables its names reach
  (``scipy.special.expit`` is a NumPy ufunc from outside NumPy, which calls leave no trace of):
  a ufunc from outside NumPy that is not allowed is a shortcut too.

The hook costs a few microseconds per Python call: wrap the functions a test calls on small
inputs, not a whole training run.
"""

from __future__ import annotations

import builtins
import dis
import functools
import os
import sys
import sysconfig
import threading
import types
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from labkit.exercises.feedback import CheckFailed

__all__ = ["ShortcutUsed", "Allowance", "Watch", "own_work", "TORCH_TENSOR_MATH", "DEFAULT_ALLOWED"]


class ShortcutUsed(CheckFailed):
    """The answer reached a library implementation that the exercise does not allow."""


# What every answer may use, in words (for messages).
DEFAULT_ALLOWED = "your own code, NumPy, and Python's built-ins and standard library"

# Standard-library modules an answer may not call into: each runs work where the watch cannot
# follow (another process, foreign code, an event loop's callbacks). Threads are fine: a thread
# started during the call is watched too (threading.setprofile). Judged for calls made by the
# learner's own code only, since NumPy's compiled code calls threading.RLock on the learner's behalf.
BLOCKED_STDLIB = ("multiprocessing", "_multiprocessing", "concurrent", "subprocess", "_posixsubprocess", "ctypes",
                  "_ctypes", "pty", "asyncio", "sched")
BLOCKED_BUILTINS = ("sys.setprofile", "sys.settrace", "os.fork", "os.forkpty", "os.system", "os.popen", "os.execv",
                    "os.execve", "os.execl", "os.execlp", "os.execvp", "os.execvpe", "os.posix_spawn",
                    "os.posix_spawnp", "os.spawnv", "os.spawnve", "os.kill", "_thread.start_new_thread",
                    "_thread.start_new")

# Libraries whose code torch never runs on its own: reached from inside torch, it is a callback the
# answer handed over (a module whose forward is scipy.stats.rankdata), judged like the answer's call.
CALLBACK_JUDGED = ("labkit", "scipy", "sklearn", "matplotlib", "pandas", "captum", "fairlearn", "opacus",
                   "statsmodels", "sympy")

# The torch primitives an exercise "written with torch tensors" may use: tensor creation,
# arithmetic, reductions, shape and indexing, autograd's switches. No torch.nn, no
# torch.nn.functional, no activations or losses, no convolution or pooling.
TORCH_TENSOR_MATH: tuple[str, ...] = tuple(
    [f"torch.{name}" for name in (
        "tensor", "as_tensor", "from_numpy", "zeros", "ones", "full", "empty", "zeros_like", "ones_like",
        "full_like", "empty_like", "arange", "linspace", "eye", "randn", "rand", "randint", "randperm", "manual_seed",
        "matmul", "mm", "bmm", "einsum", "outer", "exp", "log", "log1p", "expm1", "sqrt", "abs", "sign", "sum",
        "mean", "var", "std", "prod", "cumsum", "max", "min", "maximum", "minimum", "amax", "amin", "argmax",
        "argmin", "clamp", "clip", "where", "cat", "stack", "zeros", "reshape", "flatten", "transpose", "permute",
        "squeeze", "unsqueeze", "gather", "is_tensor", "numel", "allclose", "isfinite", "isnan", "no_grad",
        "enable_grad", "set_grad_enabled", "is_grad_enabled", "get_default_dtype", "float32", "float64", "pow",
        "square", "sin", "cos", "floor", "ceil", "round", "topk", "sort", "argsort", "diag", "tril", "triu",
        "broadcast_to", "split", "chunk", "ne", "eq", "gt", "lt", "ge", "le", "logical_and", "logical_or",
        "logical_not", "all", "any", "norm", "dot", "t", "mul", "add", "sub", "div", "neg", "reciprocal")]
    + ["torch.Tensor." + name for name in (
        "__add__", "__radd__", "__iadd__", "__sub__", "__rsub__", "__isub__", "__mul__", "__rmul__", "__imul__",
        "__truediv__", "__rtruediv__", "__itruediv__", "__div__", "__rdiv__", "__floordiv__", "__rfloordiv__",
        "__mod__", "__pow__", "__rpow__", "__ipow__", "__matmul__", "__rmatmul__", "__neg__", "__pos__", "__abs__",
        "__getitem__", "__setitem__", "__len__", "__iter__", "__bool__", "__float__", "__int__", "__index__",
        "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__and__", "__or__", "__invert__", "__xor__",
        "__contains__", "__format__", "__repr__", "__hash__", "__array__", "__reversed__", "__deepcopy__",
        "add", "sub", "mul", "div", "pow", "exp", "log", "log1p", "sqrt", "abs", "sign", "sum", "mean", "var",
        "std", "prod", "cumsum", "max", "min", "amax", "amin", "argmax", "argmin", "clamp", "clip", "matmul",
        "mm", "bmm", "t", "T", "mT", "reshape", "view", "view_as", "flatten", "transpose", "permute", "squeeze",
        "unsqueeze", "expand", "expand_as", "repeat", "contiguous", "clone", "detach", "detach_", "numpy",
        "item", "tolist", "float", "double", "long", "int", "bool", "to", "cpu", "cuda", "type", "size",
        "dim", "numel", "shape", "dtype", "device", "grad", "requires_grad", "requires_grad_", "backward",
        "zero_", "fill_", "copy_", "add_", "sub_", "mul_", "div_", "data", "is_leaf", "grad_fn", "ndim",
        "gather", "masked_fill", "where", "new_zeros", "new_ones", "new_tensor", "new_full", "eq", "ne", "gt",
        "lt", "ge", "le", "all", "any", "norm", "square", "neg", "reciprocal", "sort", "argsort", "topk",
        "floor", "ceil", "round", "is_floating_point", "retain_grad", "nelement", "element_size", "split",
        "chunk", "tril", "triu", "diag", "sin", "cos", "dot", "outer", "logical_not", "isnan", "isfinite",
        "unbind", "index_select", "scatter_add_", "index_add_", "scatter_", "masked_fill_", "narrow",
        "is_contiguous", "stride", "storage_offset", "nonzero")]
    + ["torch.autograd.grad", "torch.autograd.grad_mode", "torch.Size", "torch.Generator", "torch.dtype",
       "torch.device", "torch.random"])

# Tensor attributes read through properties: plain data access, never a computation.
_TENSOR_DATA = ("shape", "dtype", "device", "grad", "requires_grad", "data", "is_leaf", "grad_fn", "ndim", "T",
                "mT", "names", "layout", "is_cuda", "_base", "_version", "output_nr", "_cdata", "__class__",
                "__dict__", "_grad_fn", "_grad", "_backward_hooks", "_post_accumulate_grad_hooks")


def _dirs() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(library roots, standard library roots), as absolute paths ending in os.sep."""
    paths = sysconfig.get_paths()
    stdlib = {os.path.realpath(paths[k]) for k in ("stdlib", "platstdlib") if paths.get(k)}
    libs = {os.path.realpath(p) for p in sys.path if p and ("site-packages" in p or "dist-packages" in p)}
    for key in ("purelib", "platlib"):
        if paths.get(key):
            libs.add(os.path.realpath(paths[key]))
    libs.add(os.path.realpath(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))  # labkit/
    return tuple(sorted((p + os.sep for p in libs), key=len, reverse=True)), tuple(p + os.sep for p in stdlib)


LEARNER, STDLIB, LIBRARY, INTERNAL = "learner", "stdlib", "library", "internal"
_THIS_FILE = os.path.realpath(__file__)
_WATCH_FILES = {_THIS_FILE}


@functools.lru_cache(maxsize=None)
def _package_of(filename: str) -> tuple[str, str]:
    """(kind, top-level package) of the code in ``filename``."""
    if not filename or filename.startswith("<frozen"):
        return STDLIB, ""
    real = os.path.realpath(filename) if not filename.startswith("<") else filename
    if real in _WATCH_FILES:
        return INTERNAL, ""
    libs, stdlib = _ROOTS
    for root in libs:
        if real.startswith(root):
            rest = real[len(root):]
            top = rest.split(os.sep, 1)[0]
            top = top[:-3] if top.endswith(".py") else top
            if root.rstrip(os.sep).endswith(os.sep + "labkit") or root == _LABKIT_ROOT:
                return LIBRARY, "labkit"
            return LIBRARY, top.split(".")[0]
    for root in stdlib:
        if real.startswith(root):
            return STDLIB, real[len(root):].split(os.sep, 1)[0].removesuffix(".py")
    return LEARNER, ""


_ROOTS = _dirs()
_LABKIT_ROOT = os.path.realpath(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))) + os.sep


def _is_stdlib_module(name: str | None) -> bool:
    top = (name or "").split(".")[0]
    return top in sys.stdlib_module_names or top in ("builtins", "")


def _import(path: str) -> Any:
    """The object at dotted ``path``, importing its module; a clear error for a typo."""
    import importlib

    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            try:
                obj = getattr(obj, attr)
            except AttributeError:
                raise ValueError(f"allow-list entry {path!r}: {'.'.join(parts[:cut])} has no attribute {attr!r}. "
                                 "Entries are dotted import paths such as 'torch.matmul' or 'torch.nn'.") from None
        return obj
    raise ValueError(f"allow-list entry {path!r}: no module of that name can be imported")


def _functions_of(obj: Any) -> Iterable[Any]:
    """The plain functions inside a class attribute (methods, static and class methods, properties)."""
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    if isinstance(obj, property):
        return [f for f in (obj.fget, obj.fset, obj.fdel) if f is not None]
    if isinstance(obj, functools.partialmethod):
        return [obj.func]
    return [obj]


class Allowance:
    """What one exercise's answer may reach, resolved from dotted entries.

    ``allow`` adds entries to the defaults (learner code, NumPy, standard library); ``exclude``
    takes entries away, whatever else would allow them (``numpy.convolve`` for a convolution).
    """

    def __init__(self, allow: Sequence[str] = (), exclude: Sequence[str] = ()) -> None:
        for label, entries in (("allow", allow), ("exclude", exclude)):
            if isinstance(entries, str):
                raise TypeError(f"{label} must be a list of dotted import paths, got the string {entries!r}; "
                                f"write {label}=[{entries!r}]")
        self.allow = tuple(allow)
        self.exclude = tuple(exclude)
        self.codes: set = set()          # code objects of allowed Python functions
        self.paths: list[str] = []       # files or folders of allowed modules
        self.objects: set[int] = set()   # ids of allowed built-ins, ufuncs and classes
        self.methods: set[tuple[type, str]] = set()  # (class, name) of allowed built-in methods
        self.classes: list[type] = []
        self.excluded_codes: set = set()
        self.excluded_objects: set[int] = set()
        self.excluded_methods: set[tuple[type, str]] = set()
        self._keep: list[Any] = []       # keeps ids valid
        self._swaps: tuple | None = None  # the foreign ufuncs a watch replaces (see Watch)
        for entry in self.allow:
            self._add(entry, _import(entry), self.codes, self.objects, self.methods, allow=True)
        for entry in self.exclude:
            if entry.split(".")[0] not in sys.modules:
                continue  # nothing of a package never imported is otherwise allowed (allow imports its entries)
            self._add(entry, _import(entry), self.excluded_codes, self.excluded_objects, self.excluded_methods,
                      allow=False)
        self._numpy_ufuncs = {id(v) for v in vars(np).values() if isinstance(v, np.ufunc)} - self.excluded_objects

    def _add(self, entry: str, obj: Any, codes: set, objects: set, methods: set, allow: bool) -> None:
        self._keep.append(obj)
        if isinstance(obj, types.ModuleType):
            path = getattr(obj, "__file__", None)
            if path is None:
                raise ValueError(f"{entry!r} is a namespace package without files; name its modules instead")
            path = os.path.realpath(path)
            if os.path.basename(path) == "__init__.py":
                path = os.path.dirname(path) + os.sep
            if allow:
                self.paths.append(path)
                # C built-ins a package re-exports (torch.nn.functional.softplus is torch._C._nn's) live in no
                # file of it: admit what its loaded modules hold, by identity
                for name, module in list(sys.modules.items()):
                    if module is not None and (name == obj.__name__ or name.startswith(obj.__name__ + ".")):
                        for value in list(vars(module).values()):
                            if type(value) in (types.BuiltinFunctionType, np.ufunc):  # type(): no __class__ lookup
                                objects.add(id(value))
                                self._keep.append(value)
                return
            for value in vars(obj).values():  # excluding a whole module: everything defined in it
                if type(value) in (types.FunctionType, types.BuiltinFunctionType, type, np.ufunc) \
                        and getattr(value, "__module__", None) == obj.__name__:
                    self._add(entry, value, codes, objects, methods, allow)
            return
        if isinstance(obj, type):
            objects.add(id(obj))
            if allow:
                self.classes.append(obj)
            for klass in (obj.__mro__ if allow else (obj,)):  # excluding a class: its own methods only
                if klass is object:
                    continue
                for name, value in vars(klass).items():
                    for fn in _functions_of(value):
                        code = getattr(fn, "__code__", None)
                        if code is not None:
                            codes.add(code)
                        elif isinstance(fn, (types.MethodDescriptorType, types.WrapperDescriptorType,
                                             types.GetSetDescriptorType, types.MemberDescriptorType)):
                            methods.add((klass, name))
            return
        if isinstance(obj, (types.MethodDescriptorType, types.WrapperDescriptorType, types.ClassMethodDescriptorType,
                            types.GetSetDescriptorType, types.MemberDescriptorType)):
            methods.add((obj.__objclass__, obj.__name__))
            return
        if isinstance(obj, property):
            for fn in _functions_of(obj):
                codes.add(fn.__code__)
            return
        target = getattr(obj, "__func__", obj)
        target = getattr(target, "_implementation", target)  # NumPy's array-function dispatchers
        code = getattr(target, "__code__", None)
        if code is not None:
            codes.add(code)
            # a decorated function (functools.wraps) also runs the function it wraps
            inner = getattr(target, "__wrapped__", None)
            while inner is not None and getattr(inner, "__code__", None) is not None:
                codes.add(inner.__code__)
                inner = getattr(inner, "__wrapped__", None)
            return
        if callable(obj) or isinstance(obj, np.ufunc):
            objects.add(id(obj))
            return
        if not allow:
            return  # a constant (torch.float32) excluded: nothing runs
        objects.add(id(obj))

    # Judging what runs

    def allows_code(self, code: types.CodeType) -> bool:
        if code in self.excluded_codes:
            return False
        if code in self.codes:
            return True
        kind, top = _package_of(code.co_filename)
        if kind == LIBRARY and top == "numpy":
            return True
        real = os.path.realpath(code.co_filename)
        return any(real == p or (p.endswith(os.sep) and real.startswith(p)) for p in self.paths)

    def allows_builtin(self, fn: Any, from_learner: bool = True) -> bool:
        if id(fn) in self.excluded_objects:
            return False
        if id(fn) in self.objects:
            return True
        owner = getattr(fn, "__self__", None)
        name = getattr(fn, "__name__", "")
        objclass = getattr(fn, "__objclass__", None)
        if objclass is not None:  # an unbound method descriptor
            return self._allows_method(objclass, name)
        if owner is None or isinstance(owner, types.ModuleType):
            module = getattr(fn, "__module__", None) or getattr(owner, "__name__", None)
            qual = f"{module}.{name}"
            if from_learner and (qual in BLOCKED_BUILTINS or (module or "").split(".")[0] in BLOCKED_STDLIB
                                 or (module in ("posix", "nt") and f"os.{name}" in BLOCKED_BUILTINS)):
                return False
            if _is_stdlib_module(module) or (module or "").split(".")[0] == "numpy":
                return True
            return self._module_allowed(module)
        if isinstance(owner, type):  # a class method or a static built-in of a class (torch.conv2d)
            return self._allows_method(owner, name)
        return self._allows_method(type(owner), name)

    def _allows_method(self, klass: type, name: str) -> bool:
        mro = getattr(klass, "__mro__", (klass,))
        for k in mro:
            if (k, name) in self.excluded_methods:
                return False
        for k in mro:
            if (k, name) in self.methods or any(issubclass(k, allowed) for allowed in self.classes):
                return True
        owner = next((k for k in mro if name in vars(k)), klass)  # the class that defines the method
        module = getattr(owner, "__module__", "") or ""
        top = module.split(".")[0]
        return _is_stdlib_module(module) or top == "numpy" or self._module_allowed(module)

    def _module_allowed(self, module: str | None) -> bool:
        """Is the module allowed whole, or is it the learner's own (the notebook, a file beside it)?"""
        if module == "__main__":
            return True
        mod = sys.modules.get(module or "")
        path = getattr(mod, "__file__", None)
        if path is None:
            return False
        if _package_of(path)[0] == LEARNER:
            return True
        real = os.path.realpath(path)
        return any(real == p or (p.endswith(os.sep) and real.startswith(p)) for p in self.paths)

    def allows_ufunc(self, ufunc: Any) -> bool:
        if id(ufunc) in self.excluded_objects:
            return False
        return id(ufunc) in self._numpy_ufuncs or id(ufunc) in self.objects

    def allows_torch(self, func: Any) -> bool:
        """A torch operation as ``__torch_function__`` names it."""
        if id(func) in self.excluded_objects:
            return False
        name = getattr(func, "__name__", "")
        if name in ("__get__", "__set__"):  # a tensor property (shape, grad, ...): data access
            owner = getattr(func, "__self__", None)
            prop = getattr(owner, "__name__", None) or getattr(getattr(owner, "fget", None), "__name__", "")
            if prop in _TENSOR_DATA:
                return True
            objclass = getattr(owner, "__objclass__", None)
            if objclass is not None:
                return self._allows_method(objclass, prop)
        if id(func) in self.objects:
            return True
        code = getattr(getattr(func, "__func__", func), "__code__", None)
        if code is not None:
            return self.allows_code(code)
        objclass = getattr(func, "__objclass__", None)
        if objclass is not None:
            return self._allows_method(objclass, name)
        module = getattr(func, "__module__", None)
        return self._module_allowed(module)

    def describe(self) -> str:
        extra = f", and {', '.join(self.allow)}" if self.allow else ""
        text = DEFAULT_ALLOWED + extra
        if self.exclude:
            text += f" (but not {', '.join(self.exclude)})"
        return text


def _name_of(obj: Any, code: types.CodeType | None = None, frame=None) -> str:
    if code is not None:
        module = frame.f_globals.get("__name__", "?") if frame is not None else "?"
        return f"{module}.{getattr(code, 'co_qualname', code.co_name)}"
    objclass = getattr(obj, "__objclass__", None)
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None) or repr(obj)
    if objclass is not None:
        return f"{objclass.__module__}.{objclass.__qualname__}.{obj.__name__}"
    if str(name).startswith("_VariableFunctionsClass."):
        return f"torch.{obj.__name__}"
    if owner is not None and not isinstance(owner, (types.ModuleType, type)):
        return f"{type(owner).__module__}.{type(owner).__qualname__}.{getattr(obj, '__name__', name)}"
    module = getattr(obj, "__module__", None) or getattr(owner, "__name__", None) or type(obj).__module__
    return f"{module}.{name}"


CHECKED = ("checked", "stdlib")          # judged: the standard library, as the learner called it
CHECKED_LEARNER = ("checked", "learner")  # judged: the learner's own code


class Watch:
    """Watch one call of a learner's function; ``violations`` lists what ran that was not allowed.

    A context manager; it installs a profiler hook (this thread and threads started inside) and,
    when torch is loaded, a ``TorchFunctionMode``.
    """

    def __init__(self, allowance: Allowance) -> None:
        self.allowance = allowance
        self.violations: list[str] = []
        self.tampered = False
        self._status: dict[int, tuple[str, str]] = {}
        self._scanned: set = set()
        self._mode = None

    # the hook

    def _judge_python(self, frame, parent: tuple[str, str]) -> tuple[str, str]:
        """The status of a Python frame just entered, from its caller's; records a violation if any.

        CHECKED: code whose every call is judged (the learner's, and the standard library they call).
        ("opaque", package): inside an allowed library function; its own calls are its business,
        except callbacks into the learner's code (judged again) and, from NumPy (which everyone may
        use and which takes callbacks: apply_along_axis, vectorize), calls into other packages.
        """
        code = frame.f_code
        kind, top = _package_of(code.co_filename)
        if kind == INTERNAL:
            return (INTERNAL, "")
        if kind == LEARNER:
            self._scan_learner(frame)
            return CHECKED_LEARNER
        if parent[0] == INTERNAL:
            return (INTERNAL, "") if kind == STDLIB else ("opaque", top)
        if kind == LIBRARY and (code.co_name == "<module>" or frame.f_back is not None
                                and frame.f_back.f_code.co_filename.startswith("<frozen importlib")):
            return ("opaque", top)  # an import inside the answer: the module's body and import hooks run
        if parent[0] == "opaque":
            callback = parent[1] == "torch" and top in CALLBACK_JUDGED and not _own_method(frame)
            if kind == STDLIB or top == parent[1] or (parent[1] not in ("numpy", "") and not callback):
                return parent
        if kind == STDLIB:  # threads and processes started by the learner: the standard library uses them too
            if top in BLOCKED_STDLIB and parent == CHECKED_LEARNER:
                self._violate(_name_of(None, code, frame))
            return CHECKED
        if not self.allowance.allows_code(code):
            self._violate(_name_of(None, code, frame))
        return ("opaque", top)

    def _hook(self, frame, event, arg):
        try:
            if event == "call":
                parent = frame.f_back
                status = self._status.get(id(parent), CHECKED) if parent is not None else CHECKED
                self._status[id(frame)] = self._judge_python(frame, status)
            elif event == "c_call":
                status = self._status.get(id(frame), CHECKED)
                if status[0] == "checked" and not self.allowance.allows_builtin(arg, status == CHECKED_LEARNER):
                    self._violate(_name_of(arg))
            elif event == "return":
                if _package_of(frame.f_code.co_filename)[0] == LEARNER:
                    self._scan_values(frame.f_locals.values())
        except Exception as err:  # pragma: no cover - a bug here must not look like the learner's
            self.violations.append(f"(the watch itself failed: {type(err).__name__}: {err})")

    def _violate(self, what: str) -> None:
        if what not in self.violations:
            self.violations.append(what)

    # learner code: what its names reach

    def _scan_learner(self, frame) -> None:
        code = frame.f_code
        self._scan_values(frame.f_locals.values())
        if frame.f_code.co_freevars:
            self._scan_values(frame.f_locals.get(n) for n in code.co_freevars)
        if code in self._scanned:
            return
        self._scanned.add(code)
        names = set(code.co_names)
        g = frame.f_globals
        b = g.get("__builtins__", builtins)
        b = b if isinstance(b, dict) else vars(b)
        reached = []
        for name in names:
            value = g.get(name, b.get(name))
            if value is None:
                continue
            reached.append(value)
            if isinstance(value, types.ModuleType):  # attribute chains: scipy.special.expit
                for attr in names:
                    sub = vars(value).get(attr) or sys.modules.get(f"{value.__name__}.{attr}")
                    if sub is None:
                        continue
                    reached.append(sub)
                    if isinstance(sub, types.ModuleType):
                        reached.extend(vars(sub)[a] for a in names if a in vars(sub))
        self._scan_values(reached)

    def _scan_values(self, values) -> None:
        for value in values:
            if isinstance(value, np.ufunc) and not self.allowance.allows_ufunc(value):
                self._violate(f"{_home_of(value)}.{value.__name__} (a ufunc from outside NumPy)")

    # the torch mode

    def _torch_mode(self):
        if sys.modules.get("torch") is None:
            return None
        return _torch_guard_class()(self)

    # foreign ufuncs looked up while the watch is on

    def _swap_foreign_ufuncs(self) -> None:
        """Put a traced stand-in in place of every module-level ufunc from outside NumPy, for the call.

        A ufunc call leaves no trace a profiler sees; the stand-in is a Python function that does.
        """
        homes = _foreign_ufunc_homes()
        cached = self.allowance._swaps
        if cached is None or cached[0] is not homes:
            cached = self.allowance._swaps = (homes, [(module, name, ufunc, _stand_in(ufunc))
                                                      for module, name, ufunc in homes
                                                      if not self.allowance.allows_ufunc(ufunc)])
        self._swapped = cached[1]
        for module, name, _, stand_in in self._swapped:
            setattr(module, name, stand_in)

    def _restore_foreign_ufuncs(self) -> None:
        for module, name, ufunc, _ in self._swapped:
            setattr(module, name, ufunc)
        self._swapped = []

    def __enter__(self) -> "Watch":
        _WATCHES.append(self)
        self._previous = sys.getprofile()
        self._swap_foreign_ufuncs()
        self._status[id(sys._getframe(1))] = CHECKED
        self._mode = self._torch_mode()
        if self._mode is not None:
            self._mode.__enter__()
        self._bound_hook = self._hook  # one bound method, so that __exit__ can tell it is still in place
        threading.setprofile(self._bound_hook)
        sys.setprofile(self._bound_hook)
        return self

    def __exit__(self, *exc) -> None:
        current = sys.getprofile()
        sys.setprofile(None)
        threading.setprofile(None)
        if self._mode is not None:
            self._mode.__exit__(None, None, None)
        self._restore_foreign_ufuncs()
        _WATCHES.remove(self)
        if current is not self._bound_hook:
            self.tampered = True
        sys.setprofile(self._previous if callable(self._previous) else None)  # a C profiler cannot be put back
        self._status.clear()


_UFUNC_HOMES: tuple[int, list] = (0, [])
_UFUNC_NAMES: dict[int, str] = {}  # id of a foreign ufunc -> the public module that holds it


def _foreign_ufunc_homes() -> list:
    """(module, name, ufunc) for every module attribute that is a ufunc (cached while no module is added)."""
    global _UFUNC_HOMES
    if _UFUNC_HOMES[0] != len(sys.modules):
        found = []
        for name, module in list(sys.modules.items()):
            if module is None:
                continue
            try:
                items = list(vars(module).items())
            except TypeError:
                continue
            found.extend((module, attr, value) for attr, value in items  # type(): no __class__ lookups
                         if type(value) is np.ufunc)  # NumPy's own too: an exercise may exclude one
        _UFUNC_HOMES = (len(sys.modules), found)
        public = {}
        for module, attr, value in found:
            name = module.__name__
            if not any(part.startswith("_") for part in name.split(".")):
                if id(value) not in public or len(name) < len(public[id(value)]):
                    public[id(value)] = name
        _UFUNC_NAMES.clear()
        _UFUNC_NAMES.update(public)
    return _UFUNC_HOMES[1]


_WATCHES: list["Watch"] = []   # the watches active now, innermost last
_STAND_INS: dict[int, Callable] = {}


def _stand_in(ufunc: Any) -> Callable:
    """A Python function that calls ``ufunc`` and tells the active watch (made once per ufunc)."""
    if id(ufunc) not in _STAND_INS:
        def stand_in(*args, **kwargs):
            if _WATCHES:
                watch = _WATCHES[-1]
                if watch._status.get(id(sys._getframe(1)), CHECKED)[0] == "checked":
                    watch._violate(f"{_home_of(ufunc)}.{ufunc.__name__} (a ufunc from outside NumPy)")
            return ufunc(*args, **kwargs)

        stand_in.__name__ = stand_in.__qualname__ = ufunc.__name__
        stand_in.__doc__ = ufunc.__doc__
        _STAND_INS[id(ufunc)] = stand_in
    return _STAND_INS[id(ufunc)]


def _own_method(frame) -> bool:
    """Is this frame a method of its ``self``'s own class (a labkit model's forward, a dataset's
    __getitem__), rather than a function handed over as an attribute (module.forward = scipy...)?"""
    try:
        owner = frame.f_locals.get("self")
    except Exception:
        return False
    code = frame.f_code
    for klass in getattr(type(owner), "__mro__", ()):
        value = vars(klass).get(code.co_name)
        target = getattr(value, "__func__", value)
        if getattr(target, "__code__", None) is code:
            return True
    return False


def _home_of(obj: Any) -> str:
    """The public module that holds ``obj`` (for a ufunc, whose __module__ is often None)."""
    if id(obj) in _UFUNC_NAMES:
        return _UFUNC_NAMES[id(obj)]
    for name, module in sorted(sys.modules.items()):
        if module is not None and not name.split(".")[-1].startswith("_") and \
                any(value is obj for value in vars(module).values()):
            return name
    return "an extension"


@functools.lru_cache(maxsize=None)
def _torch_guard_class() -> type:
    """The TorchFunctionMode that judges every torch operation the watched code triggers (made once)."""
    from torch.overrides import TorchFunctionMode

    class TorchGuard(TorchFunctionMode):
        def __init__(self, watch: "Watch") -> None:
            super().__init__()
            self.watch = watch

        def __torch_function__(self, func, types_, args=(), kwargs=None):
            watch = self.watch
            status = watch._status.get(id(sys._getframe(1)), CHECKED)
            if status[0] == "checked" and not watch.allowance.allows_torch(func):
                watch._violate(_torch_name(func))
            return func(*args, **(kwargs or {}))

    return TorchGuard


def _torch_name(func: Any) -> str:
    name = getattr(func, "__name__", repr(func))
    objclass = getattr(func, "__objclass__", None)
    if objclass is not None or name in ("__get__", "__set__"):
        owner = getattr(func, "__self__", None)
        prop = getattr(owner, "__name__", None)
        return f"torch.Tensor.{prop or name}"
    if str(getattr(func, "__qualname__", "")).startswith("_VariableFunctionsClass."):
        return f"torch.{name}"
    module = getattr(func, "__module__", None) or "torch"
    if module.startswith("torch._C"):
        module = "torch"
    return f"{module}.{getattr(func, '__qualname__', name)}"


class Recording:
    """The calls that exercise checks make through ``own_work``, for the grader's route hunt.

    The self-test sets ``labkit.exercises.allowlist.RECORDING = Recording()`` in its kernel and
    ``RECORDING.tag`` to an exercise's id while that exercise's checks run the instructor's
    solution; each wrapped function then keeps its first few calls (copies of the arguments, the
    result) so that ``grading/route_hunt.py`` can look for library callables giving the same values.
    """

    def __init__(self, per_function: int = 3, max_elements: int = 200_000) -> None:
        self.tag: str | None = None
        self.per_function = per_function
        self.max_elements = max_elements
        self.calls: dict[tuple[str, str], dict] = {}

    def before(self, label, allowance, asks_for, args, kwargs):
        if self.tag is None:
            return None
        entry = self.calls.setdefault((self.tag, label), {"allowance": allowance, "asks_for": asks_for,
                                                          "probes": []})
        if len(entry["probes"]) >= self.per_function:
            return None
        import copy
        try:
            copied = copy.deepcopy((args, kwargs))
        except Exception:
            return None
        size = sum(int(getattr(v, "size", 1) if not callable(getattr(v, "numel", None)) else v.numel())
                   for v in list(copied[0]) + list(copied[1].values()))
        return (entry, copied) if size <= self.max_elements else None

    def after(self, probe, result) -> None:
        import copy
        entry, (args, kwargs) = probe
        try:
            entry["probes"].append((args, kwargs, copy.deepcopy(result)))
        except Exception:
            pass


RECORDING: Recording | None = None


def own_work(fn: Callable, *, asks_for: str, allow: Sequence[str] = (), exclude: Sequence[str] = (),
             name: str | None = None, forbid: Sequence[str] = ()) -> Callable:
    """Wrap the learner's ``fn`` so that every call fails if it reaches what the exercise does not allow.

    Args:
        fn: the learner's function (or bound method).
        asks_for: what the exercise asks for, for the message, e.g. ``"your own sigmoid, written with NumPy"``.
        allow: dotted import paths the answer may use besides its own code, NumPy and the standard
            library, e.g. ``TORCH_TENSOR_MATH`` or ``["torch.nn", "torch.optim"]``.
        exclude: dotted import paths taken away from what is allowed, e.g. ``["numpy.convolve"]``.
        name: the function's name in messages (default ``fn.__name__``).

    Returns:
        A function with the same arguments and results that raises ``ShortcutUsed`` after a call
        that reached something not allowed, and ``CheckFailed`` if the call switched the watch off.
    """
    if not callable(fn):
        raise CheckFailed(f"expected your function, got a {type(fn).__name__}: {fn!r}.")
    if not isinstance(asks_for, str) or not asks_for:
        raise TypeError(f"asks_for must say what the exercise asks for, got {asks_for!r}")
    allowance = Allowance(allow, list(exclude) + list(forbid))  # forbid: the former name of exclude
    label = name or getattr(fn, "__name__", "your function")

    @functools.wraps(fn)
    def watched(*args, **kwargs):
        probe = RECORDING.before(label, allowance, asks_for, args, kwargs) if RECORDING is not None else None
        with Watch(allowance) as watch:
            result = fn(*args, **kwargs)
        if watch.tampered:
            raise CheckFailed(f"{label}(...) switched off or replaced the profiler (sys.setprofile) that these "
                              "checks use. Leave it alone: the checks cannot grade this answer otherwise.")
        if watch.violations:
            shown = ", ".join(watch.violations[:3]) + (f" and {len(watch.violations) - 3} more"
                                                        if len(watch.violations) > 3 else "")
            raise ShortcutUsed(
                f"{label}(...) reached {shown}, which this exercise does not allow.\n"
                f"This exercise asks for {asks_for}. Your function may use {allowance.describe()}; "
                "later lessons use the library freely.\n"
                "Hint: write the computation yourself from what is allowed.")
        if probe is not None:
            RECORDING.after(probe, result)
        return result

    watched.__wrapped_own_work__ = True  # type: ignore[attr-defined]
    watched.allowance = allowance  # type: ignore[attr-defined]
    return watched
