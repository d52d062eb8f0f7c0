"""labkit.progress counts attempts and passing checks from saved notebooks."""

import nbformat

from labkit.progress import ProgressView, lesson_progress, workspace_progress


def _lesson(path, answered: bool, passed: bool):
    nb = nbformat.v4.new_notebook()
    answer = nbformat.v4.new_code_cell("def f():\n    return 1" if answered else "def f():\n    raise NotImplementedError()")
    answer.metadata["nbgrader"] = {"solution": True, "grade": False, "grade_id": "f"}
    check = nbformat.v4.new_code_cell("assert f() == 1")
    check.metadata["nbgrader"] = {"solution": False, "grade": True, "grade_id": "f_tests", "points": 2}
    check.execution_count = 3
    check.outputs = [] if passed else [nbformat.v4.new_output("error", ename="AssertionError", evalue="", traceback=[])]
    nb.cells = [answer, check]
    path.parent.mkdir(parents=True)
    nbformat.write(nb, path)


def test_progress_counts(tmp_path):
    _lesson(tmp_path / "01_a" / "01_a.ipynb", answered=True, passed=True)
    _lesson(tmp_path / "02_b" / "02_b.ipynb", answered=True, passed=False)
    _lesson(tmp_path / "03_c" / "03_c.ipynb", answered=False, passed=False)
    rows = workspace_progress(tmp_path)
    assert [(r.lesson, r.attempted, r.passing, r.points_passing) for r in rows] == [
        ("01_a", 1, 1, 2.0), ("02_b", 1, 0, 0.0), ("03_c", 0, 0, 0.0)]
    html = ProgressView(tmp_path)._repr_html_()
    assert "01_a" in html and "2 / 2" in html
    assert lesson_progress(tmp_path / "01_a" / "01_a.ipynb").exercises == 1


def test_empty_workspace(tmp_path):
    assert "No lessons" in ProgressView(tmp_path)._repr_html_()
