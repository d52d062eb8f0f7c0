"""Demo cells that use the learner's function once it passes, and labkit's reference until then.

A lesson's demo (a plot, a widget) often calls what the learner wrote in an exercise above.
Before the exercise is done that call would stop the lesson; with a wrong answer it would
show nonsense. ``yours_or_reference`` picks, and says which it picked:

    group_table = yours_or_reference("metrics_by_group", reference=labkit_metrics_by_group)
    imitator_table = group_table(repaid_val, imitator_decisions, group_val)

prints ``Using labkit's reference metrics_by_group until yours passes its checks (exercise
«Exercise 1 · Metrics by group», cell 7).`` or ``Using your metrics_by_group (its checks passed).``

"Passes" means the exercise's test cell last ran without an error in this kernel (the student
version's exercise map says which cells those are; see :mod:`labkit.exercises.notebook`). In a
notebook without the map (the instructor's source, a grader's run) the learner's function is
used as soon as it is defined and does not raise ``NotImplementedError``.

The reference is never bound to the learner's name, so an exercise's checks always test the
learner's own function.
"""

from __future__ import annotations

import sys
from typing import Callable

from labkit.exercises import notebook


def _namespace() -> dict:
    main = sys.modules.get("__main__")
    shell = None
    ipython = sys.modules.get("IPython")
    if ipython is not None:
        shell = ipython.get_ipython()
    return shell.user_ns if shell is not None else getattr(main, "__dict__", {})


def _is_placeholder(fn: Callable) -> bool:
    """A function whose body is still the release's ``raise NotImplementedError()``."""
    code = getattr(fn, "__code__", None)
    return code is not None and "NotImplementedError" in code.co_names and len(code.co_names) <= 2


def yours_or_reference(name: str, reference: Callable | None, *, namespace: dict | None = None,
                       quiet: bool = False) -> Callable | None:
    """The learner's ``name`` once its exercise's checks passed, else ``reference``; prints which.

    Args:
        name: the name the exercise asks the learner to define (``"conv2d"``), a function or a value
            (lesson 01's ``nand_weights``: weights chosen by hand).
        reference: what to use until then (labkit's implementation, same arguments and result);
            None where labkit has none, or where any reference would be the answer itself (weights
            to find by hand): the demo then gets None and skips, saying why.
        namespace: where the learner's name lives (default: the notebook's namespace).
        quiet: do not print which one is used.
    """
    ns = _namespace() if namespace is None else namespace
    yours = ns.get(name)
    mapping = notebook.exercise_map(ns)
    item = next((e for e in mapping.get("exercises", []) if name in e.get("names", [])), None)
    if notebook.current_cell_id is None:
        item = None  # no cell ids from the front end (nbgrader, a script): passes cannot be counted
    if item is not None:
        use_yours = yours is not None and item["grade_id"] in notebook.passed
        where = f" (exercise {notebook.describe(item)})"
    else:
        use_yours = yours is not None and not (callable(yours) and _is_placeholder(yours))
        where = ""
    if use_yours:
        if not quiet:
            print(f"Using your {name} (its checks passed)." if item else f"Using your {name}.")
        return yours
    if not quiet:
        if reference is None:
            print(f"This part runs once your {name} passes its checks{where}.")
        else:
            print(f"Using labkit's reference {name} until yours passes its checks{where}.")
    return reference
