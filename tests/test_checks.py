"""labkit.checks: messages that teach, and checks that can fail."""

import os
import re

import numpy as np
import pytest
import torch

from labkit.checks import (CheckFailed, check_callable, check_close, check_equal, check_raises, check_shape,
                           check_true, show)


def test_close_passes_on_equal_values_and_tensors():
    check_close(16.0, 16.0)
    check_close(np.array([1.0, 2.0]), [1.0, 2.0 + 1e-12])
    check_close(torch.tensor([1.0, 2.0]), [1.0, 2.0])


def test_close_message_names_call_value_expected_and_matched_mistake():
    with pytest.raises(CheckFailed) as err:
        check_close(11.0, 16.0, call="weighted_sum(x=[1, 2], w=[3, 4], b=5)",
                    mistakes={"Did you add b?": 11.0, "sign": 6.0}, hint="generic")
    msg = str(err.value)
    assert "weighted_sum(x=[1, 2], w=[3, 4], b=5) returned 11, expected 16." in msg
    assert "Hint: Did you add b?" in msg and "generic" not in msg


def test_close_falls_back_to_generic_hint():
    with pytest.raises(CheckFailed, match="Hint: generic"):
        check_close(3.0, 16.0, mistakes={"x": 11.0}, hint="generic")


def test_close_explains_shape_mismatch():
    with pytest.raises(CheckFailed, match=r"shape is \(2,\), expected \(3,\)"):
        check_close([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(CheckFailed, match="Same number of entries"):
        check_close(np.ones((2, 3)), np.ones((3, 2)))


def test_close_reports_first_differing_entry_and_nan():
    with pytest.raises(CheckFailed, match=r"1 of 3 entries differ; the first at index \(2,\)"):
        check_close([1.0, 2.0, 4.0], [1.0, 2.0, 3.0])
    with pytest.raises(CheckFailed, match="NaN"):
        check_close([np.nan], [1.0])


def test_close_on_none_and_non_numbers():
    with pytest.raises(CheckFailed, match="forget `return`"):
        check_close(None, 1.0)
    with pytest.raises(CheckFailed, match="not a number"):
        check_close("abc", 1.0)


def test_equal_and_mistakes():
    check_equal([1, 2], [1, 2])
    with pytest.raises(CheckFailed, match="Hint: stop early"):
        check_equal([1, 0, 0], [1, 0], mistakes={"stop early": [1, 0, 0]})
    with pytest.raises(CheckFailed):
        check_equal(np.array([1, 2]), np.array([1, 3]))


def test_shape_true_callable_raises():
    check_shape(np.zeros((2, 3)), (2, 3))
    with pytest.raises(CheckFailed, match=r"shape \(3, 2\), expected shape \(2, 3\)"):
        check_shape(np.zeros((3, 2)), (2, 3))
    with pytest.raises(CheckFailed, match="Hint: h"):
        check_true(False, "msg", hint="h")
    with pytest.raises(CheckFailed, match="is not defined"):
        check_callable({}, "f")
    with pytest.raises(CheckFailed, match="should be a function"):
        check_callable({"f": 3}, "f")
    assert check_callable({"f": len}, "f") is len
    check_raises(lambda: int("x"), ValueError, call="int('x')")
    with pytest.raises(CheckFailed, match="raised nothing"):
        check_raises(lambda: 1, ValueError, call="f()")
    with pytest.raises(CheckFailed, match="raised TypeError"):
        check_raises(lambda: len(1), ValueError, call="f()")


def test_show_abbreviates_large_arrays():
    assert "shape (100,)" in show(np.arange(100.0))
    assert show(None) == "None"


def test_passed_says_visible_checks_only(capsys):
    from labkit.checks import passed

    passed("the neuron fires as it should.")
    passed()
    out = capsys.readouterr().out.splitlines()
    assert out == ["\u2714 Visible checks passed: the neuron fires as it should.", "\u2714 Visible checks passed."]


# How failures look in a real IPython kernel (JupyterLab and nbgrader run the same kind).
_CELLS = [
    "import numpy as np\nfrom labkit.checks import check_close, own_work",
    "check_close(11.0, 16.0, call='weighted_sum(x=[1, 2], w=[3, 4], b=5)', hint='did you add b?')",
    "def weighted_sum(x, w, b):\n    # YOUR CODE HERE\n    raise NotImplementedError()",
    "_ws = own_work(weighted_sum, forbid=['labkit.nn.neuron'], asks_for='your own sum')\n_ws([1.0], [2.0], 3.0)",
    "# YOUR CODE HERE\nraise NotImplementedError()",
    "assert len(nand_weights) == 3",
    "def weighted_sum(x, w, b):\n    return np.dot(w, x) + b",
    "_ws = own_work(weighted_sum, forbid=['labkit.nn.neuron'], asks_for='your own sum')\n"
    "_ws(np.ones((3, 2)), [3.0, 4.0], 5.0)",
    "int('not a number')",
]


def _run_cells(env: dict | None = None):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in _CELLS])
    old = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        NotebookClient(nb, allow_errors=True, kernel_name="python3", timeout=60).execute()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    out = []
    for cell in nb.cells:
        errors = [o for o in cell.outputs if o.output_type == "error"]
        html = [o.data.get("text/html", "") for o in cell.outputs if o.output_type == "display_data"]
        text = "\n".join(re.sub(r"\x1b\[[0-9;]*m", "", line) for o in errors for line in o.traceback)
        out.append((errors[0].ename if errors else None, text, html, errors[0].evalue if errors else None))
    return out


@pytest.fixture(scope="module")
def kernel_outputs():
    return _run_cells()


@pytest.mark.slow
def test_failed_check_shows_message_first_and_no_library_frames(kernel_outputs):
    ename, text, html, evalue = kernel_outputs[1]
    assert ename == "CheckFailed"  # nbgrader still sees a failed test
    assert evalue.startswith("weighted_sum(x=[1, 2], w=[3, 4], b=5) returned 11")
    assert text.startswith("\u2718 weighted_sum(x=[1, 2], w=[3, 4], b=5) returned 11, expected 16.\nHint: did you add b?")
    assert "feedback.py" not in text and "checks.py" not in text and "site-packages" not in text and "_fail(" not in text
    assert "Cell In[2], line 1" in text  # where, in the learner's notebook
    # The full traceback, library frames included, is one click away (a collapsed <details>).
    assert len(html) == 1 and html[0].startswith("<details") and "exercises/feedback.py" in html[0]


@pytest.mark.slow
def test_blank_answer_says_which_exercise_is_not_done(kernel_outputs):
    ename, text, _, _ = kernel_outputs[3]
    assert ename == "NotImplementedError"
    assert text.startswith("\u2718 `weighted_sum` is not written yet: this exercise is not done.")
    assert "shortcut.py" not in text
    ename, text, _, _ = kernel_outputs[4]
    assert text.startswith("\u2718 This exercise is not done yet.")
    assert kernel_outputs[3][3].startswith("\u2718 `weighted_sum` is not written yet")  # evalue: what feedback shows
    ename, text, _, _ = kernel_outputs[5]
    assert ename == "NameError"
    assert text.startswith("\u2718 `nand_weights` is not defined yet.") and "exercise above" in text


@pytest.mark.slow
def test_shape_error_in_the_answer_names_call_shapes_and_hints(kernel_outputs):
    ename, text, _, _ = kernel_outputs[7]
    assert ename == "ValueError"
    assert text.startswith("\u2718 weighted_sum(x of shape (3, 2), w = [3.0, 4.0], b = 5) raised ValueError: shapes")
    assert "Hint:" in text and "one example and for a batch" in text
    assert "in Cell In[7], line 2, in weighted_sum: return np.dot(w, x) + b" in text


@pytest.mark.slow
def test_other_errors_keep_the_usual_traceback(kernel_outputs):
    ename, text, html, _ = kernel_outputs[8]
    assert ename == "ValueError" and "Traceback (most recent call last)" in text and not html


@pytest.mark.slow
def test_nbgrader_runs_get_the_message_without_the_full_traceback():
    outputs = _run_cells({"NBGRADER_EXECUTION": "autograde"})
    ename, text, html, _ = outputs[1]
    assert ename == "CheckFailed" and text.startswith("\u2718 weighted_sum(") and not html
