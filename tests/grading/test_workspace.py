"""The learner's workspace: built from the release, and never overwriting what a learner wrote."""

from __future__ import annotations

import json

import nbformat
import pytest

import course

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("workspace")]


def test_workspace_holds_the_release_and_keeps_edits(tmp_path):
    ws = tmp_path / "workspace"
    root = tmp_path / "course"
    copied = course.build_workspace(ws, root=root)
    for lesson in course.lessons():
        nb_path = ws / lesson / f"{lesson}.ipynb"
        assert nb_path in copied
        text = nb_path.read_text()
        assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
    # A learner edits lesson 01 and deletes lesson 00.
    edited = ws / "01_artificial_neuron" / "01_artificial_neuron.ipynb"
    nb = nbformat.read(edited, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("my_answer = 42  # learner's work"))
    nbformat.write(nb, edited)
    before = edited.read_text()
    removed = ws / "00_welcome" / "00_welcome.ipynb"
    removed.unlink()
    # Setting up again keeps the edit and brings back only what is missing.
    copied = course.build_workspace(ws, root=root)
    assert edited.read_text() == before
    assert copied == [removed] and removed.exists()
    # Third run: nothing missing, nothing copied, no nbgrader run needed.
    assert course.build_workspace(ws, root=root) == []


def test_instructor_workspace_has_solutions(tmp_path):
    ws = tmp_path / "instructor"
    course.build_workspace(ws, source=True)
    text = (ws / "01_artificial_neuron" / "01_artificial_neuron.ipynb").read_text()
    assert "BEGIN SOLUTION" in text


def test_collect_rejects_a_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="no submissions folder"):
        course.collect(tmp_path / "nowhere", root=tmp_path / "course")
