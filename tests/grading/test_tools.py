"""The authoring converter and the feedback filter."""

import nbformat

import nbauthor
from feedback_filter import StripHiddenTests, strip_hidden

SCRIPT = """# %% [markdown]
# # Title
#
# text

# %%
import numpy as np

# %% [solution] id=f
def f(x):
    ### BEGIN SOLUTION
    return x
    ### END SOLUTION

# %% [tests] id=f_tests points=2
assert f(1) == 1
### BEGIN HIDDEN TESTS
assert f(2) == 2
### END HIDDEN TESTS
"""


def test_script_round_trip():
    nb = nbauthor.script_to_notebook(SCRIPT)
    nbformat.validate(nb)
    assert [c.cell_type for c in nb.cells] == ["markdown", "code", "code", "code"]
    assert nb.cells[0].source == "# Title\n\ntext"
    assert nb.cells[2].metadata["nbgrader"]["solution"] and nb.cells[2].metadata["nbgrader"]["grade_id"] == "f"
    assert nb.cells[3].metadata["nbgrader"]["points"] == 2.0 and nb.cells[3].metadata["nbgrader"]["locked"]
    again = nbauthor.script_to_notebook(nbauthor.notebook_to_script(nb))
    assert [c.source for c in again.cells] == [c.source for c in nb.cells]
    assert [c.metadata for c in again.cells] == [c.metadata for c in nb.cells]


def test_strip_hidden_removes_region_and_quoting_tracebacks():
    cell = nbformat.v4.new_code_cell(SCRIPT.split("points=2\n")[1])
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "f_tests", "points": 2}
    cell.outputs = [nbformat.v4.new_output("error", ename="AssertionError", evalue="",
                                           traceback=["----> assert f(2) == 2"])]
    out, _ = StripHiddenTests().preprocess_cell(cell, {}, 0)
    assert "f(2)" not in out.source and "HIDDEN" not in out.source and "assert f(1) == 1" in out.source
    assert out.outputs[0]["traceback"] == ["AssertionError: "]
    assert strip_hidden("a\nb") == ("a\nb", False)
