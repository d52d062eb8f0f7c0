"""The student version's run-all tags and exercise map, the messages that read it, and demo fallbacks (issue 24)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import nbformat
import pytest

import labkit.exercises.notebook as notebook
from labkit.exercises.fallback import yours_or_reference
from labkit.exercises.student import (RUN_PAST_TAG, defined_names, exercise_map, make_student_version,
                                      tag_student_cells)
from labkit.exercises.student import __file__ as _student_file
from pathlib import Path

NOTEBOOKS = Path(_student_file).resolve().parents[2] / "notebooks"


def lesson(name: str):
    return nbformat.read(NOTEBOOKS / name / f"{name}.ipynb", as_version=4)


def test_defined_names_are_bindings_only():
    source = textwrap.dedent("""\
        import numpy as np
        from collections import Counter as C
        ### BEGIN SOLUTION
        a, (b, c) = 1, (2, 3)
        total: int = 0
        for i in range(3):
            total += i
        def f(x):
            inner = x
            return inner
        class K: pass
        with open(__file__) as fh:
            pass
        ### END SOLUTION
        %matplotlib inline
        """)
    assert defined_names(source) == ["np", "C", "a", "b", "c", "total", "i", "f", "K", "fh"]


def test_map_names_each_exercise_and_what_later_cells_compute_from_it():
    found = exercise_map(lesson("17_explainable_ai"))
    titles = {e["grade_id"]: e["title"] for e in found["exercises"]}
    assert titles["sanity_check"] == "Exercise 4 · The randomization sanity check"
    sanity = next(e for e in found["exercises"] if e["grade_id"] == "sanity_check")
    assert sanity["names"] == ["sanity_check"] and sanity["test_cell_ids"] and sanity["answer_cell_id"]
    # Lesson 17's demos use yours_or_reference: no later cell waits for an exercise (n_layers, similarities).
    assert found["computed"] == {}
    # Lesson 19's model_odds is a plain variable computed from the exercises' functions: it names them.
    fairness = exercise_map(lesson("19_bias_and_fairness"))
    assert "equalized_odds" in fairness["computed"]["model_odds"]["exercises"]
    # Lesson 13 builds its vocabulary with yours_or_reference: nothing later waits for tokenize/build_vocab.
    nlp = exercise_map(lesson("13_natural_language_processing"))
    assert "vocab" not in nlp["computed"] and "ids" not in nlp["computed"]
    capstone = exercise_map(lesson("21_transparency_and_capstone"))
    model = next(e for e in capstone["exercises"] if e["grade_id"] == "capstone_model")
    assert model["title"] == "Capstone 1 · Train a network" and "model" in model["names"]


def test_map_carries_names_never_code():
    nb = lesson("21_transparency_and_capstone")
    text = json.dumps(exercise_map(nb))
    assert "BEGIN SOLUTION" not in text and "np.unique" not in text and "roc_auc_score(" not in text


def test_answer_and_test_cells_are_tagged_to_run_past():
    nb = make_student_version(lesson("01_artificial_neuron"))
    dependent = nb.metadata["nnlab"]["exercises"]["dependent_cell_ids"]
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        exercise_cell = cell.cell_type == "code" and (meta.get("solution") or meta.get("grade"))
        assert (RUN_PAST_TAG in cell.metadata.get("tags", [])) == bool(exercise_cell or cell.id in dependent), \
            cell.source[:80]
    # the demo that builds XOR from the learner's nand_weights runs past too (red until the exercise is done);
    # the one that picks labkit's reference with yours_or_reference needs no tag
    xor = next(c for c in nb.cells if c.cell_type == "code" and not c.metadata.get("nbgrader")
               and "nand_weights[:2]" in c.source)
    plot = next(c for c in nb.cells if c.cell_type == "code" and 'yours_or_reference("neuron_output"' in c.source)
    assert xor.id in dependent and plot.id not in dependent
    assert nb.metadata["nnlab"]["exercises"]["exercises"]
    assert tag_student_cells(nb) == 0  # tagging twice adds nothing


def _run_in_ipython(tmp_path, nb, cells: list[str]) -> str:
    """Run cells in a fresh IPython whose notebook (JPY_SESSION_NAME) is ``nb``; return what it printed."""
    path = tmp_path / "lesson" / "lesson.ipynb"
    path.parent.mkdir(exist_ok=True)
    nbformat.write(nb, path)
    script = ("from IPython.testing.globalipapp import start_ipython\nip = start_ipython()\n"
              "ip.run_cell('import labkit.checks')\n"
              + "".join(f"ip.run_cell({c!r})\n" for c in cells))
    env = {"JPY_SESSION_NAME": str(path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                          cwd=path.parent, timeout=120)
    return proc.stdout + proc.stderr


def test_knock_on_name_error_names_the_exercise(tmp_path):
    fairness = make_student_version(lesson("19_bias_and_fairness"))
    out = _run_in_ipython(tmp_path, fairness, ["widget_input = model_odds"])
    assert "`model_odds` is not defined yet: it is computed in cell" in out, out
    assert "«Exercise 3 · Equalized odds», cell" in out, out
    nb = make_student_version(lesson("17_explainable_ai"))
    out = _run_in_ipython(tmp_path, nb, ["score_gradient(1)", "def f():\n    return sanity_check\n", "f()"])
    assert "`score_gradient` is not defined yet: it is the answer to exercise «Exercise 1 · The score gradient" in out
    # raised inside a function of another cell: the same message, where and from where
    assert out.count("`sanity_check` is not defined yet: it is the answer to exercise") == 1, out


def test_source_notebook_keeps_the_generic_message(tmp_path):
    out = _run_in_ipython(tmp_path, lesson("17_explainable_ai"), ["widget_input = n_layers + 1"])
    assert "`n_layers` is not defined yet.\x1b[0m\nIf `n_layers` is the answer to an exercise above" in out, out


def test_yours_or_reference_without_a_map(capsys):
    def reference(x):
        return "reference"

    def placeholder(x):
        raise NotImplementedError()

    def mine(x):
        return "mine"

    assert yours_or_reference("f", reference, namespace={})(1) == "reference"
    assert yours_or_reference("f", reference, namespace={"f": placeholder})(1) == "reference"
    assert "Using labkit's reference f until yours passes its checks." in capsys.readouterr().out
    assert yours_or_reference("f", reference, namespace={"f": mine})(1) == "mine"
    assert "Using your f." in capsys.readouterr().out


def test_yours_or_reference_waits_for_the_checks_to_pass(monkeypatch, capsys):
    mapping = {"exercises": [{"grade_id": "conv", "title": "Exercise 2 · Convolution", "cell": 9,
                              "answer_cell_id": "a", "test_cell_ids": ["t"], "names": ["conv2d"]}]}
    monkeypatch.setattr(notebook, "exercise_map", lambda namespace=None: mapping)
    monkeypatch.setattr(notebook, "current_cell_id", "demo")
    monkeypatch.setattr(notebook, "passed", set())

    def mine(x):
        return "mine"

    ns = {"conv2d": mine}
    assert yours_or_reference("conv2d", lambda x: "reference", namespace=ns)(1) == "reference"
    assert ("Using labkit's reference conv2d until yours passes its checks "
            "(exercise «Exercise 2 · Convolution», cell 9).") in capsys.readouterr().out

    class Result:
        success = True
        info = type("Info", (), {"cell_id": "t"})()

    monkeypatch.setattr(notebook, "exercise_map", lambda namespace=None: mapping)
    notebook._post_run_cell(Result())  # its test cell ran without an error
    assert yours_or_reference("conv2d", lambda x: "reference", namespace=ns)(1) == "mine"
    assert "Using your conv2d (its checks passed)." in capsys.readouterr().out
    Result.info = type("Info", (), {"cell_id": "a"})()
    notebook._post_run_cell(Result())  # the answer ran again: it has to pass again
    assert yours_or_reference("conv2d", lambda x: "reference", namespace=ns)(1) == "reference"
    assert yours_or_reference("card", None, namespace={}, quiet=True) is None


def _blank_student_version(name: str) -> nbformat.NotebookNode:
    """The lesson as the release hands it out: hint cells, run-all tags and map, solutions and hidden tests cleared."""
    from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions

    from labkit.exercises.hints import add_hint_cells

    nb = lesson(name)
    add_hint_cells(nb)
    make_student_version(nb)
    nb, _ = ClearSolutions().preprocess(nb, {})
    nb, _ = ClearHiddenTests().preprocess(nb, {})
    return nb


@pytest.mark.slow
@pytest.mark.parametrize("name", ["01_artificial_neuron", "02_activation_functions", "03_feedforward_networks",
                                  "04_loss_functions", "05_backpropagation", "06_optimization",
                                  "07_data_preparation", "08_regularization"])
def test_blank_student_version_runs_top_to_bottom_with_errors_only_in_exercises(name, tmp_path, monkeypatch):
    """Run All on the blank student version: only answer and test cells stay red; every demo runs, on
    labkit's reference until the learner's function passes (issue 24)."""
    from nbclient import NotebookClient

    nb = _blank_student_version(name)
    path = tmp_path / name / f"{name}.ipynb"
    path.parent.mkdir()
    nbformat.write(nb, path)
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    NotebookClient(nb, kernel_name="python3", timeout=180, allow_errors=True,
                   resources={"metadata": {"path": str(NOTEBOOKS / name)}}).execute()
    red = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or meta.get("solution") or meta.get("grade"):
            continue
        errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
        if errors:
            red.append(f"{cell.id}: {errors[0].ename}: {errors[0].evalue[:200]}")
    assert not red, f"{name}: demo cells that fail in the blank student version:\n" + "\n".join(red)
    fallbacks = [c for c in nb.cells if c.cell_type == "code" and "yours_or_reference(" in c.source]
    for cell in fallbacks:
        said = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.output_type == "stream")
        assert "Using labkit's reference" in said or "This part runs once your" in said, \
            f"{name} {cell.id} does not say it uses labkit's reference:\n{said}"


def test_yours_or_reference_for_a_value(capsys):
    """An exercise that asks for values (weights chosen by hand): the reference is None, the demo skips."""
    assert yours_or_reference("nand_weights", None, namespace={}) is None
    assert "This part runs once your nand_weights passes its checks." in capsys.readouterr().out
    weights = [-1.0, -1.0, 1.5]
    assert yours_or_reference("nand_weights", None, namespace={"nand_weights": weights}) is weights
