"""The feedback that exercise tests give.

A visible test calls these helpers with the learner's result and a reference it
computed itself. When the result is wrong the helper raises ``CheckFailed``
with a message that says what was called, what came back, what was expected,
and, when the wrong value matches a known mistake, which mistake it was:

    weighted_sum(x=[1, 2], w=[3, 4], b=5) returned 11.0, expected 16.0.
    Hint: this is what you get without the bias. Did you add b?

``CheckFailed`` subclasses ``AssertionError`` so that nbgrader counts it as a
failed test.
"""

from __future__ import annotations

import html as _html
import inspect
import linecache
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable, Mapping

import numpy as np

from labkit.exercises import diagnosis


class CheckFailed(AssertionError):
    """An exercise check did not pass; the message says why."""


def show(value: Any, max_items: int = 8) -> str:
    """A short, readable rendering of a value for a message."""
    if value is None:
        return "None"
    torch = sys.modules.get("torch")  # a tensor can only arrive if torch is already imported
    if torch is not None and isinstance(value, torch.Tensor):
        value = value.detach().cpu().numpy()
    if isinstance(value, np.ndarray):
        if value.size > max_items:
            flat = ", ".join(f"{v:.4g}" if isinstance(v, float) else str(v) for v in value.ravel()[:max_items].tolist())
            return f"array of shape {value.shape} starting [{flat}, ...]"
        return np.array2string(value, precision=4, separator=", ", suppress_small=True)
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6g}"
    if isinstance(value, (list, tuple)) and len(value) > max_items:
        return f"{type(value).__name__} of length {len(value)} starting {show(list(value[:max_items]))[:-1]}, ...]"
    return repr(value)


def _as_array(value: Any):
    torch = sys.modules.get("torch")  # importing torch here would cost seconds per lesson
    if torch is not None and isinstance(value, torch.Tensor):
        return value.detach().cpu().numpy()
    return np.asarray(value)


def _fail(call: str, got: Any, expected: Any, detail: str = "", hint: str | None = None) -> None:
    msg = f"{call} returned {show(got)}, expected {show(expected)}."
    if detail:
        msg += f"\n{detail}"
    if hint:
        msg += f"\nHint: {hint}"
    raise CheckFailed(msg)


def _matches(got: np.ndarray, candidate: Any, rtol: float, atol: float) -> bool:
    try:
        cand = _as_array(candidate).astype(float)
        return got.shape == cand.shape and bool(np.allclose(got, cand, rtol=rtol, atol=atol, equal_nan=False))
    except (TypeError, ValueError):
        return False


def _diagnose(got: Any, mistakes: Mapping[str, Any] | None, rtol: float, atol: float) -> str | None:
    if not mistakes:
        return None
    try:
        arr = _as_array(got).astype(float)
    except (TypeError, ValueError):
        return None
    for hint, wrong_value in mistakes.items():
        if _matches(arr, wrong_value, rtol, atol):
            return hint
    return None


def check_close(
    got: Any,
    expected: Any,
    *,
    call: str = "your function",
    mistakes: Mapping[str, Any] | None = None,
    hint: str | None = None,
    rtol: float = 1e-6,
    atol: float = 1e-8,
) -> None:
    """Pass when ``got`` equals ``expected`` numerically (same shape, all close).

    Args:
        got: what the learner's code returned (number, list, ndarray or tensor).
        expected: the reference value, computed by the test itself.
        call: how the call looked, e.g. ``"weighted_sum(x=[1, 2], w=[3, 4], b=5)"``.
        mistakes: ``{hint: value that mistake would give}``; when ``got`` matches
            one of those values, that hint is shown.
        hint: shown when no listed mistake matches.
    """
    diagnosis.record("close", got)
    if got is None:
        _fail(call, got, expected, hint="your function returned nothing. Did you forget `return`?")
    if got is NotImplemented or got is Ellipsis:
        _fail(call, got, expected, hint="replace the placeholder with your answer.")
    try:
        got_arr = _as_array(got).astype(float)
    except (TypeError, ValueError):
        _fail(call, got, expected, detail=f"That is a {type(got).__name__}, not a number or an array of numbers.", hint=hint)
    exp_arr = _as_array(expected).astype(float)
    if got_arr.shape != exp_arr.shape:
        detail = f"The shape is {got_arr.shape}, expected {exp_arr.shape}."
        if got_arr.size == exp_arr.size:
            detail += " Same number of entries: a reshape or transpose, or a sum over the wrong axis?"
        elif got_arr.ndim < exp_arr.ndim or got_arr.size < exp_arr.size:
            detail += " Too few entries: did you sum over an axis you should have kept?"
        else:
            detail += " Too many entries: did you forget to sum (or sum over the wrong axis)?"
        _fail(call, got, expected, detail=detail, hint=_diagnose(got, mistakes, rtol, atol) or hint)
    if np.isnan(got_arr).any() and not np.isnan(exp_arr).any():
        _fail(call, got, expected, detail="Your result contains NaN: look for 0/0, log(0) or inf - inf.",
              hint=_diagnose(got, mistakes, rtol, atol) or hint)
    if not np.allclose(got_arr, exp_arr, rtol=rtol, atol=atol, equal_nan=True):
        bad = np.argwhere(~np.isclose(got_arr, exp_arr, rtol=rtol, atol=atol, equal_nan=True))
        detail = ""
        if got_arr.ndim > 0 and got_arr.size > 1:
            first = tuple(int(i) for i in bad[0])
            detail = (f"{len(bad)} of {got_arr.size} entries differ; the first at index {first}: "
                      f"got {got_arr[first]:.6g}, expected {exp_arr[first]:.6g}.")
        _fail(call, got, expected, detail=detail, hint=_diagnose(got, mistakes, rtol, atol) or hint)


def check_equal(got: Any, expected: Any, *, call: str = "your answer",
                mistakes: Mapping[str, Any] | None = None, hint: str | None = None) -> None:
    """Pass when ``got == expected`` exactly (for labels, strings, booleans, counts)."""
    diagnosis.record("equal", got)
    if got is None and expected is not None:
        known = next((h for h, wrong in (mistakes or {}).items() if wrong is None), None)  # None as a known answer
        _fail(call, got, expected, hint=known or "nothing came back. Did you forget `return`, or to assign the answer?")
    same = got == expected
    if isinstance(same, np.ndarray):
        same = same.shape == np.shape(expected) and bool(same.all())
    if not same:
        chosen = hint
        for h, wrong in (mistakes or {}).items():
            w = wrong == got
            if (bool(w.all()) if isinstance(w, np.ndarray) else bool(w)):
                chosen = h
                break
        _fail(call, got, expected, hint=chosen)


def check_shape(got: Any, expected_shape: tuple, *, call: str = "your function", hint: str | None = None) -> None:
    """Pass when ``got`` has the expected shape."""
    diagnosis.record("shape", None if got is None else tuple(np.shape(_as_array(got))))
    if got is None:
        raise CheckFailed(f"{call} returned None, expected an array of shape {expected_shape}.\n"
                          "Hint: did you forget `return`?")
    shape = tuple(_as_array(got).shape)
    if shape != tuple(expected_shape):
        msg = f"{call} returned an array of shape {shape}, expected shape {tuple(expected_shape)}."
        if hint:
            msg += f"\nHint: {hint}"
        raise CheckFailed(msg)


def check_true(condition: bool, message: str, hint: str | None = None) -> None:
    """Pass when ``condition`` holds; otherwise fail with ``message`` (and a hint)."""
    diagnosis.record("true", bool(condition))
    if not condition:
        raise CheckFailed(message + (f"\nHint: {hint}" if hint else ""))


def check_callable(namespace: Mapping[str, Any], name: str) -> Callable:
    """Return ``namespace[name]`` if it is a function, else fail with a message that says so."""
    if name not in namespace:
        raise CheckFailed(f"`{name}` is not defined. Run the cell where you wrote it (Shift+Enter) first.")
    fn = namespace[name]
    if not callable(fn):
        raise CheckFailed(f"`{name}` should be a function, but it is a {type(fn).__name__}: {show(fn)}.")
    return fn


def check_raises(fn: Callable, exception: type[BaseException], *, call: str, hint: str | None = None):
    """Pass when ``fn()`` raises ``exception``; return the exception."""
    try:
        fn()
    except exception as err:
        return err
    except Exception as err:  # a different exception is a wrong answer too
        raise CheckFailed(f"{call} raised {type(err).__name__}: {err}, expected {exception.__name__}."
                          + (f"\nHint: {hint}" if hint else "")) from None
    raise CheckFailed(f"{call} raised nothing, expected {exception.__name__}." + (f"\nHint: {hint}" if hint else ""))


def passed(message: str | None = None) -> None:
    """Print a friendly line at the end of a test cell's visible checks.

    It says what was checked, no more: hidden tests may still run when the work is graded.
    ``passed("the neuron fires as it should.")`` prints
    ``✔ Visible checks passed: the neuron fires as it should.``
    """
    print("\u2714 Visible checks passed" + (f": {message}" if message else "."))


# How a failure looks in a notebook
# ---------------------------------
# In an IPython kernel (JupyterLab, nbgrader's autograde and validate) importing this module
# installs an exception renderer. A failed check shows its teaching message first and the
# learner's own cells only, never the frames of this library; an unfinished exercise (the
# release's `raise NotImplementedError()`, or the NameError of an answer never defined)
# says which exercise is not done yet; an error raised inside the learner's function while
# a check calls it names the call and the shapes it got. In JupyterLab the full traceback
# stays one click away ("Full traceback", a collapsed section under the message); nbgrader
# runs (NBGRADER_EXECUTION set) get the short form only, so feedback never quotes test code.

_LABKIT_DIR = str(Path(__file__).resolve().parents[1])  # labkit/, not labkit/exercises/
_LIBRARY_DIRS = tuple({str(Path(p).resolve()) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}) + (_LABKIT_DIR,)
_RED, _BOLD, _RESET = "\x1b[31m", "\x1b[1m", "\x1b[0m"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _user_frames(tb) -> list:
    """The traceback entries (frame, lineno) that run the learner's code, not a library's."""
    out = []
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not (filename.startswith(_LIBRARY_DIRS) or filename.startswith("<frozen")):
            out.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    return out


def _where(shell, frame, lineno: int) -> str:
    """'Cell In[7], line 5: check_close(' for a cell, or 'file.py, line 5' for a file."""
    filename = frame.f_code.co_filename
    place = filename
    fmt = getattr(getattr(shell, "compile", None), "format_code_name", None)
    try:
        named = fmt(filename) if fmt else None
    except Exception:  # an IPython without cell names: use the file name
        named = None
    if named:
        place = f"{named[0]} {named[1]}"
    name = frame.f_code.co_name
    text = linecache.getline(filename, lineno).strip()
    where = f"{place}, line {lineno}" + ("" if name == "<module>" else f", in {name}")
    return where + (f": {text}" if text else "")


def _describe(value: Any) -> str:
    shape = getattr(value, "shape", None)
    if shape is not None and not isinstance(value, (int, float, np.generic)):
        return f"of shape {tuple(shape)}"
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], (list, tuple)):
        return f"= a {type(value).__name__} of {len(value)} rows ({np.shape(value)} as an array)"
    return "= " + show(value)


def _this_exercise(shell) -> str:
    """' «Capstone 2 · Evaluate on data it never saw», cell 32' for the answer cell running now, else ''."""
    from labkit.exercises import notebook

    item = notebook.exercise_of_cell(notebook.current_cell_id, notebook.exercise_map(shell.user_ns))
    return f" {notebook.describe(item)}" if item else ""


def _exercise_of_name(shell, name: str) -> str:
    """' («Exercise 1 · Metrics by group», cell 7)' for a name an answer cell defines, else ''."""
    from labkit.exercises import notebook

    items, cell = notebook.origin_of(name, notebook.exercise_map(shell.user_ns))
    return f" ({notebook.describe(items[0])})" if items and cell is None else ""


def _origin_message(shell, name: str) -> str | None:
    """Which exercise a missing name comes from, from the lesson's exercise map (student version)."""
    from labkit.exercises import notebook

    items, cell = notebook.origin_of(name, notebook.exercise_map(shell.user_ns))
    if not items:
        return None
    open_items = [e for e in items if e.get("grade_id") not in notebook.passed] or items
    named = ", ".join(notebook.describe(e) for e in open_items)
    if cell is None:
        return f"it is the answer to exercise {named}, which is not done yet (or its cell has not run)."
    which = "which is" if len(open_items) == 1 else "one of them is"
    return (f"it is computed in cell {cell} from your answer to exercise {named}, {which} not done yet "
            f"(or cell {cell} has not run since).")


def _explain(shell, etype, value, tb) -> str | None:
    """The teaching message for this failure, or None to show Python's usual traceback."""
    frames = _user_frames(tb)
    if isinstance(value, CheckFailed):
        where = [f"  checked in {_where(shell, f, n)}" for f, n in frames[:1]]
        known = diagnosis.explain_failure(value)  # a recorded mistake that behaves the same way
        return "\n".join([f"{_BOLD}{_RED}\u2718 {value}{_RESET}", *(["", known] if known else []), "", *where])
    if not frames:
        return None
    inner, inner_line = frames[-1]
    if isinstance(value, NotImplementedError) and not str(value) and tb is not None:
        last = tb
        while last.tb_next is not None:
            last = last.tb_next
        if last.tb_frame is not inner:
            return None  # raised inside a library: a real NotImplementedError, shown as usual
        name = inner.f_code.co_name
        if name == "<module>":
            which = _this_exercise(shell)
            return (f"{_BOLD}{_RED}\u2718 This exercise{which and ','}{which} is not done yet.{_RESET}\n"
                    "Replace `raise NotImplementedError()` in this cell with your answer, then run the cell "
                    "(Shift+Enter).")
        which = _exercise_of_name(shell, name)
        return (f"{_BOLD}{_RED}\u2718 `{name}` is not written yet: this exercise{which} is not done.{_RESET}\n"
                f"Its cell still says `raise NotImplementedError()`. Replace that line with your code, run that "
                f"cell (Shift+Enter), then run this check again.\n\n  called from {_where(shell, *frames[0])}")
    if isinstance(value, NameError) and not isinstance(value, UnboundLocalError):
        name = getattr(value, "name", None)
        if not name:
            return None
        origin = _origin_message(shell, name)
        if origin:  # a knock-on error: the name comes from an exercise (the student version's map says which)
            called = f"\n  called from {_where(shell, *frames[0])}" if len(frames) > 1 else ""
            return (f"{_BOLD}{_RED}\u2718 `{name}` is not defined yet: {origin}{_RESET}\n"
                    "Write that exercise's answer in its cell (in place of `raise NotImplementedError()`), run it "
                    "and its checks (Shift+Enter), then run this cell again.\n"
                    f"(Python says: NameError: {value})\n\n  in {_where(shell, *frames[-1])}{called}")
        if len(frames) != 1:
            return None
        return (f"{_BOLD}{_RED}\u2718 `{name}` is not defined yet.{_RESET}\n"
                f"If `{name}` is the answer to an exercise above, that exercise is not done yet: write it in its "
                "cell (in place of `raise NotImplementedError()`) and run that cell (Shift+Enter), then this one. "
                f"Otherwise run the cells above first (Run > Run All Above Selected Cell), or check the spelling.\n"
                f"(Python says: NameError: {value})\n\n  in {_where(shell, *frames[0])}")
    if isinstance(value, ValueError) and len(frames) >= 2:
        # Raised inside the learner's function (defined in another cell) while a cell called it.
        caller, fn_frame = frames[0], frames[1][0]
        if fn_frame.f_code.co_name == "<module>" or fn_frame.f_code.co_filename == caller[0].f_code.co_filename:
            return None
        info = inspect.getargvalues(fn_frame)
        args = ", ".join(f"{a} {_describe(info.locals[a])}" for a in info.args if a in info.locals)
        return (f"{_BOLD}{_RED}\u2718 {fn_frame.f_code.co_name}({args}) raised ValueError: {value}{_RESET}\n"
                "Hint: with these arguments, the line below could not combine its arrays. When a check "
                "passes a batch (one row per example), write the computation so that it works for one example "
                "and for a batch; print the shapes in that line to see which operand does not fit.\n\n"
                f"  in {_where(shell, *frames[-1])}\n  called from {_where(shell, *caller)}")
    return None


def _render_failure(shell, etype, value, tb, tb_offset=None):
    """IPython custom exception handler: the teaching message first, library frames hidden."""
    sys.last_type, sys.last_value, sys.last_traceback = etype, value, tb
    try:
        message = _explain(shell, etype, value, tb)
    except Exception:  # never let the renderer hide the learner's error
        message = None
    full = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    if message is None:
        shell._showtraceback(etype, value, full)
        return full
    stb = message.split("\n")
    # The error's one-line form (evalue) carries the teaching message too: nbgrader's feedback
    # shows "ename: evalue" for a test cell with hidden tests.
    shell._showtraceback(etype, value if isinstance(value, CheckFailed) else _ANSI.sub("", message), stb)
    if not os.environ.get("NBGRADER_EXECUTION"):
        _offer_full_traceback(shell, full)
    return stb


def _offer_full_traceback(shell, stb: list[str]) -> None:
    """A collapsed "Full traceback" section under the message (JupyterLab); plain text elsewhere."""
    text = _ANSI.sub("", shell.InteractiveTB.stb2text(stb))
    try:
        from IPython.display import HTML, display
    except ImportError:
        return
    html = ('<details class="labkit-traceback"><summary>Full traceback (for the curious: '
            'the library frames the message above leaves out)</summary><pre>'
            f"{_html.escape(text)}</pre></details>")
    display(HTML(html))


def _install_renderer() -> None:
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or not hasattr(shell, "set_custom_exc") or getattr(shell, "_labkit_renderer", False):
        return
    shell.set_custom_exc((CheckFailed, NotImplementedError, NameError, ValueError), _render_failure)
    shell.events.register("pre_run_cell", diagnosis.reset)  # a cell's checks are matched on their own
    shell._labkit_renderer = True
    try:
        from labkit.exercises import notebook

        notebook.install(shell)  # which cell runs, which exercises passed (for the two messages above)
    except Exception:  # an IPython without events: the messages only lose the exercise's name
        pass


_install_renderer()
