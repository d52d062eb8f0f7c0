"""Exercises a learner must solve, not look up: catch answers that call the library.

labkit ships reference versions of almost everything the course asks learners to
write (``labkit.nn.Sigmoid``, ``labkit.preprocessing.StandardScaler``, ...), and
so do PyTorch and scikit-learn. Later lessons and widgets use them freely. An
exercise that asks for *your own* sigmoid must still fail when the answer only
calls one of them, however it gets there: directly, through an alias, through
``getattr`` or ``importlib``, through a helper defined in another cell, or by
subclassing the library's class.

The mechanism watches what actually runs instead of reading the answer's text.
``own_work`` wraps the learner's function; each call runs under a profiler hook
(``sys.setprofile``) that records every Python function entered and every
built-in called, at any depth. After the call, the recorded names are compared
with the exercise's forbidden list, and a match raises ``ShortcutUsed``:

    sigmoid = own_work(sigmoid, forbid=["labkit.nn.Sigmoid", "torch.sigmoid"],
                       asks_for="your own sigmoid, written with NumPy")
    sigmoid(np.zeros(3))
    # ShortcutUsed: sigmoid(...) called labkit.nn.activations.Sigmoid.forward
    # (forbidden here: labkit.nn.Sigmoid). This exercise asks for your own sigmoid, ...

A forbidden entry is an import path: a module (everything defined in it), a
class (all its methods), a function, a built-in such as ``torch.sigmoid``, or a
method of a built-in type such as ``torch.Tensor.sigmoid``. Entries whose
top-level package was never imported are skipped: nothing in it can have run.

NumPy ufuncs (``np.exp``, ``scipy.special.expit``) run without a trace the hook can
see; an entry naming one is refused with a clear error. NumPy is never on a forbidden list, so honest answers are never rejected for
using it. The hook costs a few microseconds per Python call; wrap the functions
a test calls on small inputs, not a whole training run.
"""

from __future__ import annotations

import functools
import importlib
import sys
import types
from typing import Any, Callable, Iterable, Sequence

from labkit.checks import CheckFailed

__all__ = ["ShortcutUsed", "Recorder", "own_work", "find_forbidden", "resolve"]


class ShortcutUsed(CheckFailed):
    """The answer called the library's implementation of the concept the exercise asks for."""


# A called thing, by name: (module, qualified name, type of the bound self or None).
Called = tuple


class Recorder:
    """Record every Python function and built-in entered while the recorder is active.

    Use as a context manager; recorders nest (an inner one also feeds the outer ones).
    ``called`` is a set of ``(module, qualname, self_type)`` triples.
    """

    _active: list["Recorder"] = []
    _saved: list[Any] = []

    def __init__(self) -> None:
        self.called: set[Called] = set()
        self.tampered = False

    @staticmethod
    def _hook(frame, event, arg):
        if event == "call":
            code = frame.f_code
            item = (frame.f_globals.get("__name__"), getattr(code, "co_qualname", code.co_name), None)
        elif event == "c_call":
            owner = getattr(arg, "__self__", None)
            item = (getattr(arg, "__module__", None), getattr(arg, "__qualname__", repr(arg)),
                    None if owner is None or isinstance(owner, types.ModuleType) else type(owner))
        else:
            return
        for recorder in Recorder._active:
            recorder.called.add(item)

    def __enter__(self) -> "Recorder":
        Recorder._saved.append(sys.getprofile())
        Recorder._active.append(self)
        sys.setprofile(Recorder._hook)
        return self

    def __exit__(self, *exc) -> None:
        current = sys.getprofile()
        sys.setprofile(None)
        Recorder._active.remove(self)
        previous = Recorder._saved.pop()
        if current is not Recorder._hook:
            self.tampered = True
        sys.setprofile(previous)


def _import_existing(path: str):
    """The object at dotted ``path`` if its package was imported already; else None.

    Raises ``ValueError`` when the package is loaded but the path names nothing: a typo
    in a forbidden list must not silently forbid nothing.
    """
    parts = path.split(".")
    if parts[0] not in sys.modules:
        return None
    for cut in range(len(parts), 0, -1):
        module_name = ".".join(parts[:cut])
        if module_name in sys.modules:
            obj: Any = sys.modules[module_name]
            break
        try:  # a submodule of a loaded package may not be loaded yet: loading it is cheap
            obj = importlib.import_module(module_name)
            break
        except ImportError:
            continue
    else:  # pragma: no cover - parts[0] is loaded, so cut=1 always succeeds
        return None
    for attr in parts[cut:]:
        try:
            obj = getattr(obj, attr)
        except AttributeError:
            raise ValueError(f"forbidden entry {path!r}: {'.'.join(parts[:cut])} has no attribute {attr!r}") from None
    return obj


class _Rule:
    """One forbidden entry, resolved: a predicate on recorded ``(module, qualname, self_type)``."""

    def __init__(self, entry: str, obj: Any) -> None:
        self.entry = entry
        self.module: str | None = None
        self.qualname: str | None = None
        self.method_of: type | None = None
        if isinstance(obj, types.ModuleType):
            self.module = obj.__name__
        elif type(obj).__name__ == "ufunc":
            raise ValueError(f"forbidden entry {entry!r} is a NumPy ufunc: calling one leaves no trace that "
                             "can be watched. Check the result's properties instead.")
        elif isinstance(obj, (types.MethodDescriptorType, types.WrapperDescriptorType,
                              types.ClassMethodDescriptorType)):
            self.method_of = obj.__objclass__
            self.qualname = obj.__name__
        elif isinstance(obj, types.BuiltinFunctionType):
            self.module = getattr(obj, "__module__", None)
            self.qualname = getattr(obj, "__qualname__", obj.__name__)
        else:
            target = getattr(obj, "__func__", obj)  # bound and class methods
            target = getattr(target, "fget", target)  # properties
            self.module = getattr(target, "__module__", None)
            self.qualname = getattr(target, "__qualname__", None)
            if self.module is None or self.qualname is None:
                raise ValueError(f"forbidden entry {entry!r} resolves to {obj!r}, which has no module and name")

    def matches(self, item: Called) -> bool:
        module, qualname, self_type = item
        if self.method_of is not None:
            return self_type is not None and issubclass(self_type, self.method_of) \
                and qualname.rsplit(".", 1)[-1] == self.qualname
        if self.qualname is None:  # a whole module and its submodules
            return module is not None and (module == self.module or module.startswith(self.module + "."))
        return module == self.module and (qualname == self.qualname or qualname.startswith(self.qualname + "."))


def resolve(forbid: Iterable[str]) -> list[_Rule]:
    """The rules for the entries of ``forbid`` whose package is loaded (see the module docstring)."""
    rules = []
    for entry in forbid:
        if not isinstance(entry, str) or not entry:
            raise TypeError(f"forbid entries must be dotted import paths such as 'labkit.nn.Sigmoid', got {entry!r}")
        obj = _import_existing(entry)
        if obj is not None:
            rules.append(_Rule(entry, obj))
    return rules


def find_forbidden(called: Iterable[Called], forbid: Iterable[str]) -> tuple[str, str] | None:
    """``(entry, what ran)`` for the first recorded call that a forbidden entry matches, else None."""
    rules = resolve(forbid)
    for item in sorted(called, key=lambda i: (str(i[0]), str(i[1]))):
        for rule in rules:
            if rule.matches(item):
                module, qualname, self_type = item
                where = f"{self_type.__module__}.{qualname}" if self_type is not None and module is None \
                    else f"{module}.{qualname}"
                return rule.entry, where
    return None


def own_work(fn: Callable, *, forbid: Sequence[str], asks_for: str, name: str | None = None) -> Callable:
    """Wrap the learner's ``fn`` so that every call fails if it reaches a forbidden implementation.

    Args:
        fn: the learner's function (or bound method).
        forbid: dotted import paths of the library pieces this exercise asks the learner to
            write themselves, e.g. ``["labkit.nn.Sigmoid", "torch.sigmoid", "scipy.special.expit"]``.
        asks_for: what the exercise asks for, for the message, e.g. ``"your own sigmoid, written with NumPy"``.
        name: the function's name in messages (default ``fn.__name__``).

    Returns:
        A function with the same arguments and results that raises ``ShortcutUsed`` after a call
        that ran forbidden code, and ``CheckFailed`` if the call switched the profiler off.
    """
    if not callable(fn):
        raise CheckFailed(f"expected your function, got a {type(fn).__name__}: {fn!r}.")
    if isinstance(forbid, str) or not forbid:
        raise TypeError(f"forbid must be a non-empty list of import paths, got {forbid!r}")
    label = name or getattr(fn, "__name__", "your function")
    forbid = list(forbid)
    resolve(forbid)  # fail early on a typo in a loaded package

    @functools.wraps(fn)
    def watched(*args, **kwargs):
        with Recorder() as recorder:
            result = fn(*args, **kwargs)
        if recorder.tampered:
            raise CheckFailed(f"{label}(...) switched off or replaced the profiler (sys.setprofile) that these "
                              "checks use. Leave it alone: the checks cannot grade this answer otherwise.")
        hit = find_forbidden(recorder.called, forbid)
        if hit is not None:
            entry, where = hit
            raise ShortcutUsed(
                f"{label}(...) called {where} (forbidden here: {entry}).\n"
                f"This exercise asks for {asks_for}. The library versions ({', '.join(forbid)}) are off "
                "limits in this exercise, though later lessons use them freely.\n"
                "Hint: write the computation yourself; NumPy is always allowed.")
        return result

    watched.__wrapped_own_work__ = True  # type: ignore[attr-defined]
    return watched
