"""The learner's first hour in the JupyterLab that `make lab` opens (jupyter-config/lab.py learner).

One server, started by lab.py exactly as the Makefile does, on a workspace holding the
student release of lesson 01. In headless Chromium: the learner sees their tools only (no
nbgrader instructor panels, no news popup); a failed check shows its teaching message first,
without library frames, the full traceback one click away; a blank answer says which exercise
is not done; a batch shape error gets a hint; a widget saved, its kernel shut down and its
notebook reopened shows a note to re-run its cell and works once it runs; the playground's
labels are shown in full; a second `make lab` on the same workspace gives the running
server's URL instead of starting another.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
import time

import pytest

import course
import harness

# Its own server and group: it may run on the other worker beside the lessons.
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser-learner")]

LESSON = "01_artificial_neuron"

LABELS_NOTEBOOK = {
    "cells": [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source":
         "from ipywidgets import FloatSlider\nFloatSlider(description='learning rate and more')  # a control: cut off"},
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source":
         "from labkit.widgets.playground import Playground\nPlayground(n_samples=60)"},
    ],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4, "nbformat_minor": 4,
}


@pytest.fixture(scope="module")
def learner(tmp_path_factory):
    if harness.CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium); .ci/run installs it")
    tmp = tmp_path_factory.mktemp("learner")
    workspace = tmp / "workspace"
    # The student release of lesson 01; the other lessons' folders exist so that lab.py has nothing
    # to release (that would take a minute and is tested in tests/grading/test_workspace.py).
    release = course.release([LESSON], root=tmp / "course")
    shutil.copytree(release / LESSON, workspace / LESSON)
    for name in course.lessons():
        if name != LESSON:
            shutil.copytree(course.NOTEBOOKS / name, workspace / name, dirs_exist_ok=True)
    (workspace / "labels.ipynb").write_text(json.dumps(LABELS_NOTEBOOK))
    proc, base, token, env, log = harness.start_lab("learner", tmp, workspace=workspace)
    try:
        yield {"base": base, "token": token, "env": env, "tmp": tmp, "workspace": workspace, "log": log}
    finally:
        harness.stop(proc)


@pytest.fixture(scope="module")
def browser(learner):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = harness.launch_chromium(p, learner["tmp"] / "chromium-profile")
        yield context
        context.close()


@contextlib.contextmanager
def new_page(browser):
    page = browser.new_page()
    try:
        yield page
    finally:
        page.evaluate("() => window.jupyterapp && window.jupyterapp.serviceManager.sessions.shutdownAll()")
        page.close()


def check_learner_sees_learner_tools_only_and_no_news(learner, page):
    page.goto(f"{learner['base']}/lab?token={learner['token']}", wait_until="domcontentloaded")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.commands.hasCommand('notebook:run-all-cells')",
                           timeout=90_000)
    page.wait_for_timeout(4000)  # the news question, when enabled, appears a moment after start
    commands = page.evaluate("""() => ['nbgrader:open-formgrader', 'nbgrader:open-create-assignment',
        'nbgrader:open-assignment-list', 'nbgrader:open-course-list']
        .filter(c => window.jupyterapp.commands.hasCommand(c))""")
    assert commands == [], f"the learner's JupyterLab offers instructor panels: {commands}"
    menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
    assert "Nbgrader" not in menus, menus
    assert page.get_by_text("official Jupyter news").count() == 0, "the news popup is shown"
    assert page.locator(".jp-Notification-Toast").count() == 0, page.locator(".jp-Notification-Toast").all_inner_texts()
    # The learner keeps the Validate button's server side.
    status = page.evaluate("(t) => fetch('/formgrader/api/assignments?token=' + t).then(r => r.status)", learner["token"])
    assert status == 404, f"the formgrader's server extension answers in the learner's lab (HTTP {status})"


def check_check_messages_in_jupyterlab(learner, page):
    harness.open_notebook(page, learner["base"], learner["token"], f"{LESSON}/{LESSON}.ipynb")
    imports = harness.cell_index(page, contains="from labkit.checks import")
    answer = harness.cell_index(page, grade_id="weighted_sum")
    tests = harness.cell_index(page, grade_id="weighted_sum_tests")
    assert -1 not in (imports, answer, tests)
    for i in (imports, answer, tests):
        harness.run_cell(page, i)
    text = harness.output_text(page, tests)
    assert text.startswith("\u2718 `weighted_sum` is not written yet"), text[:500]

    harness.set_source(page, answer, "def weighted_sum(x, w, b):\n    return np.dot(w, x)\n")
    harness.run_cell(page, answer)
    harness.run_cell(page, tests)
    text = harness.output_text(page, tests)
    assert text.startswith("\u2718 weighted_sum(x=[1, 2], w=[3, 4], b=5) returned 11, expected 16.\n"
                           "Hint: this is what you get without the bias."), text[:500]
    assert "checks.py" not in text and "shortcut.py" not in text and "site-packages" not in text, text
    details = harness.cells(page).nth(tests).locator("details.labkit-traceback")
    assert details.count() == 1 and details.get_attribute("open") is None
    details.locator("summary").click()
    page.wait_for_timeout(300)
    assert details.get_attribute("open") is not None
    assert "exercises/feedback.py" in details.inner_text() and "Traceback" in details.inner_text()

    harness.set_source(page, answer, "def weighted_sum(x, w, b):\n    return np.dot(w, x) + b\n")
    harness.run_cell(page, answer)
    harness.run_cell(page, tests)
    text = harness.output_text(page, tests)
    assert text.startswith("\u2718 weighted_sum(x of shape (3, 2), w = [3.0, 4.0], b = 5) raised ValueError:"), text[:500]
    assert "Hint:" in text and "for a batch" in text
    harness.ARTIFACTS.mkdir(exist_ok=True)
    harness.cells(page).nth(tests).screenshot(path=str(harness.ARTIFACTS / "browser-check-message.png"))


def check_widget_survives_save_and_reopen(learner, page):
    path = f"{LESSON}/{LESSON}.ipynb"
    harness.open_notebook(page, learner["base"], learner["token"], path)
    imports = harness.cell_index(page, contains="from labkit.checks import")
    widget = harness.cell_index(page, contains="NeuronPlayground(")
    for i in (imports, widget):
        harness.run_cell(page, i)
    cell = harness.cells(page).nth(widget)
    cell.locator(".widget-slider").first.wait_for(timeout=30_000)
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    page.wait_for_function("() => { const s = (" + harness.STATE_JS + ")(); return s && !s.dirty; }", timeout=30_000)
    # The learner closes the lab and comes back: the kernel is gone, the page is new.
    page.evaluate("() => window.jupyterapp.serviceManager.sessions.shutdownAll()")
    page.evaluate("() => window.jupyterapp.commands.execute('application:close-all')")
    page.wait_for_timeout(1000)
    harness.open_notebook(page, learner["base"], learner["token"], path)
    cell = harness.cells(page).nth(widget)
    cell.scroll_into_view_if_needed()
    page.wait_for_timeout(3000)
    harness.ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(harness.ARTIFACTS / "browser-widget-reopened.png"))
    # No error and no dead controls: the saved notebook holds a note to re-run the cell (issue 24) ...
    assert page.get_by_text("Error displaying widget").count() == 0, cell.inner_text()[:500]
    assert "run the cell (Shift+Enter) to bring its controls back" in cell.inner_text(), cell.inner_text()[:500]
    assert cell.locator(".jupyter-widgets-disconnected").count() == 0
    # ... and the widget is back, connected, once its cell runs again (in a new kernel, whose counts
    # start at 1 again: cleared first so that run_cell sees the count change).
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    for i in (imports, widget):
        harness.run_cell(page, i)
    cell.locator(".widget-slider").nth(2).wait_for(timeout=30_000)
    assert cell.locator(".jupyter-widgets-disconnected").count() == 0


def check_playground_labels_are_not_cut_off(learner, page):
    harness.open_notebook(page, learner["base"], learner["token"], "labels.ipynb")
    harness.run_cell(page, 0)
    harness.run_cell(page, 1, timeout=120_000)
    try:
        harness.cells(page).nth(1).locator(".widget-dropdown").first.wait_for(timeout=30_000)
    except Exception:
        harness.ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(harness.ARTIFACTS / "browser-playground-labels-timeout.png"))
        raise AssertionError(f"the playground did not render: {harness.output_text(page, 1)[:1000]}") from None
    cut = """(i) => Array.from(window.jupyterapp.shell.currentWidget.node.querySelectorAll('.jp-Cell')[i]
                 .querySelectorAll('.widget-label')).filter(l => l.textContent.trim())
                 .filter(l => l.scrollWidth > l.clientWidth + 1).map(l => l.textContent.trim())"""
    assert page.evaluate(cut, 0) == ["learning rate and more"], "the measurement should see a cut-off label"
    assert page.evaluate(cut, 1) == [], f"playground labels cut off: {page.evaluate(cut, 1)}"


def check_second_make_lab_gives_the_running_servers_url(learner):
    started = time.time()
    proc = subprocess.run([sys.executable, str(harness.LAB_SCRIPT), "learner", "--workspace", str(learner["workspace"]),
                           "--port", str(harness.free_port()), "--no-browser"],
                          env=learner["env"], cwd=learner["tmp"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "already running" in proc.stdout, proc.stdout
    assert f"{learner['base']}/lab?token={learner['token']}" in proc.stdout, proc.stdout
    assert time.time() - started < 120


# One test, one server: xdist_group does not keep a module's tests on one worker under pytest 9.2,
# and each worker would start its own server. Each check is a subtest, reported on its own.
def test_learners_first_hour(learner, browser, subtests):
    for check in (check_learner_sees_learner_tools_only_and_no_news, check_check_messages_in_jupyterlab,
                  check_widget_survives_save_and_reopen, check_playground_labels_are_not_cut_off):
        with subtests.test(check.__name__[len("check_"):]):
            with new_page(browser) as page:
                check(learner, page)
    with subtests.test("second_make_lab_gives_the_running_servers_url"):
        check_second_make_lab_gives_the_running_servers_url(learner)
