"""The learner lab's own pieces, without a server: stop hints, Validate's message-first dialog, saving without live widgets (issue 24)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "jupyter-config"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"nnlab_test_{name}", CONFIG / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_stop_hint_gives_commands_that_work_as_printed(monkeypatch):
    lab = load("lab")
    monkeypatch.chdir(REPO)
    hint = lab.stop_hint({"port": 8911})
    assert "make stop" in hint and "Ctrl+C twice" in hint
    command = hint.split("`")[-2]
    program, *args = command.split()
    assert args == ["server", "stop", "8911"] and os.access(REPO / program, os.X_OK), command
    assert program.startswith(".venv") or Path(program).is_absolute()


def test_make_stop_and_a_progress_line_per_install_step():
    makefile = (REPO / "Makefile").read_text()
    assert "\nstop:" in makefile and "lab.py stop" in makefile
    for step in ("[1/3]", "[2/3]", "[3/3]"):
        assert step in makefile
    out = subprocess.run(["make", "-n", "stop"], cwd=REPO, capture_output=True, text=True)
    assert "jupyter-config/lab.py stop" in out.stdout, out.stdout + out.stderr


def test_lab_stop_with_no_server_says_so(tmp_path):
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    out = subprocess.run([sys.executable, str(CONFIG / "lab.py"), "stop", "--workspace", str(tmp_path)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0 and "no JupyterLab of this course is running" in out.stdout, out.stdout + out.stderr


def test_validate_puts_the_message_first_and_the_source_behind_a_disclosure():
    validate = load("nnlab_validate")
    source = "\n".join(f"check_close(weighted_sum(x, w, {i}), 16)" for i in range(40))
    raw = ("\x1b[1m\x1b[31m\u2718 weighted_sum(x=[1, 2], w=[3, 4], b=5) returned 11, expected 16.\n"
           "Hint: this is what you get without the bias.\x1b[0m\n\n  checked in Cell In[3], line 1")
    failure = validate.message_first({"source": source, "error": "<span>error html</span>", "raw_error": raw})
    assert failure["source"] == ("\u2718 weighted_sum(x=[1, 2], w=[3, 4], b=5) returned 11, expected 16.\n"
                                 "Hint: this is what you get without the bias.")
    assert failure["error"].startswith('<details class="nnlab-validate-details"><summary>Show the test cell (40 lines)')
    assert "check_close(weighted_sum(x, w, 39), 16)" in failure["error"] and "<span>error html</span>" in failure["error"]
    # a plain Python error: its last line
    assert validate.message_of("Traceback (most recent call last):\n  File ...\nZeroDivisionError: division by zero") == \
        "ZeroDivisionError: division by zero"


def test_saved_notebook_holds_last_plots_and_a_rerun_note_not_live_widgets():
    widgets = load("nnlab_widgets")
    view = {"model_id": "aaa", "version_major": 2, "version_minor": 0}
    nb = {"metadata": {"widgets": {widgets.WIDGET_STATE: {"state": {
              "aaa": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_bbb"]}},
              "bbb": {"model_name": "OutputModel", "state": {"outputs": [
                  {"output_type": "display_data", "data": {"image/png": "PNGDATA", "text/plain": "<Figure>"}}]}}}}}},
          "cells": [{"cell_type": "code", "outputs": [
              {"output_type": "stream", "name": "stdout", "text": "kept\n"},
              {"output_type": "display_data", "metadata": {}, "data": {widgets.WIDGET_VIEW: view, "text/plain": "VBox()"}}]}]}
    model = {"type": "notebook", "content": nb}
    widgets.pre_save_hook(model=model, path="x.ipynb", contents_manager=None)
    assert "widgets" not in nb["metadata"]
    outputs = nb["cells"][0]["outputs"]
    assert outputs[0]["text"] == "kept\n"
    assert outputs[1]["data"]["image/png"] == "PNGDATA"
    assert outputs[2]["data"] == {"text/plain": widgets.RERUN_NOTE}
    assert not any(widgets.WIDGET_VIEW in o.get("data", {}) for o in outputs)


def test_each_role_keeps_its_workspaces_and_settings_in_its_own_project_folder(tmp_path, monkeypatch, capsys):
    """Issue 24, item 9: learner and instructor never share JupyterLab's workspaces, and neither uses ~/.jupyter."""
    lab = load("lab")
    base = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTERLAB_")}
    base["HOME"] = str(tmp_path / "home")
    workspace = tmp_path / "workspace"
    envs = {mode: lab.lab_environment(mode, base=base, state=lab.state_dir(mode, workspace))
            for mode in ("learner", "instructor")}
    dirs = {mode: (Path(env["JUPYTERLAB_WORKSPACES_DIR"]), Path(env["JUPYTERLAB_SETTINGS_DIR"]))
            for mode, env in envs.items()}
    assert dirs["learner"][0].is_relative_to(workspace.resolve()) and dirs["learner"][1].is_relative_to(workspace.resolve())
    assert dirs["instructor"][0].is_relative_to(REPO) and dirs["instructor"][1].is_relative_to(REPO)
    assert not set(dirs["learner"]) & set(dirs["instructor"]) and len(set(dirs["learner"])) == 2
    for path in (*dirs["learner"], *dirs["instructor"]):
        assert ".jupyter" not in path.parts, path
    # A folder set by the user still wins.
    env = lab.lab_environment("learner", base=dict(base, JUPYTERLAB_WORKSPACES_DIR="/x"), state=lab.state_dir("learner", workspace))
    assert env["JUPYTERLAB_WORKSPACES_DIR"] == "/x"
    # The folder git must not see: made with its own .gitignore.
    made = lab.make_state_dir(tmp_path / "state")
    assert (made / "workspaces").is_dir() and (made / "user-settings").is_dir()
    assert (made / ".gitignore").read_text().splitlines()[-1] == "*"
    # `lab.py instructor --check` prints the folders the server gets.
    for var in [k for k in os.environ if k.startswith("JUPYTERLAB_")]:
        monkeypatch.delenv(var)
    monkeypatch.setattr(lab, "running_server", lambda root, runtime_dir=None: None)
    assert lab.main(["instructor", "--check"]) == 0
    printed = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert printed["JUPYTERLAB_WORKSPACES_DIR"] == str(REPO / ".jupyterlab-instructor" / "workspaces")
    assert printed["JUPYTERLAB_SETTINGS_DIR"] == str(REPO / ".jupyterlab-instructor" / "user-settings")
