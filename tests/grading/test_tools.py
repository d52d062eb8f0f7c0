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


# `course.py release` releases to the Formgrader's exchange too (issue 24, item 8).

def test_release_puts_the_lesson_in_the_formgraders_exchange(tmp_path):
    import subprocess
    import sys

    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    import course

    lesson = "00_welcome"
    root = tmp_path / "course"
    proc = subprocess.run([sys.executable, str(course.GRADING / "course.py"), "--root", str(root), "release", lesson],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "exchange" in proc.stdout, proc.stdout
    outbound = root / "exchange" / "nnlab" / "outbound" / lesson
    assert (outbound / f"{lesson}.ipynb").exists(), sorted(p.name for p in root.rglob("*"))
    assert "BEGIN SOLUTION" not in (outbound / f"{lesson}.ipynb").read_text()
    assert (root / "exchange").stat().st_mode & 0o022 == 0, "the exchange must not be writable by other users"
    # The Formgrader (nbgrader's API, with the instructor's exchange setting) calls it released.
    cfg = Config()
    cfg.CourseDirectory.root = str(root)
    cfg.CourseDirectory.course_id = course.COURSE_ID
    cfg.Exchange.root = str(course.exchange_root(root))
    api = NbGraderAPI(CourseDirectory(config=cfg), config=cfg)
    assert not api.exchange_missing and api.get_released_assignments() == {lesson}
    # A second release replaces the first, and the instructor's server looks where course.py releases.
    course.release_to_exchange([lesson], root=root)
    assert (outbound / f"{lesson}.ipynb").exists()
    instructor = PyFileConfigLoader("nbgrader_config.py", path=str(course.REPO / "jupyter-config" / "instructor")).load_config()
    assert instructor.Exchange.root == str(course.exchange_root(course.DEFAULT_ROOT))
