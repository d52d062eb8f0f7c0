"""A learner's first hour with whole lessons, in the JupyterLab that `make lab` opens (issue 24).

One server, started by lab.py as the Makefile does, on a workspace holding the student
releases of lessons 21 and 01 (the others as sources, so that lab.py releases nothing). In
headless Chromium:

* lesson 21, before any code is written, runs top to bottom with Run All: every demo cell runs
  (labkit's reference stands in for the learner's unfinished function, and the cell says so),
  the widget and the plots show, and each unfinished exercise stays red with a message that
  names it; a knock-on error names the exercise that defines the missing name;
* the Validate dialog's first line for each failing cell is its ✘ message; the cell's source
  is behind a closed disclosure;
* after a server restart, a reopened lesson (00, run and saved) shows no unsaved marker and no
  dead, "disconnected" widgets before any edit, and its widget works once its cell is re-run.
"""

from __future__ import annotations

import contextlib
import shutil

import pytest

import course
import harness

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser-learner-lessons")]

CAPSTONE = "21_transparency_and_capstone"
NEURON = "01_artificial_neuron"
WELCOME = "00_welcome"

ALL_RUN_JS = "() => { const s = (" + harness.STATE_JS + ")(); return s && s.kernel === 'idle' && s.run === s.code; }"


@pytest.fixture(scope="module")
def learner(tmp_path_factory):
    if harness.CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium); .ci/run installs it")
    tmp = tmp_path_factory.mktemp("learner-lessons")
    workspace = tmp / "workspace"
    release = course.release([CAPSTONE, NEURON], root=tmp / "course")
    for name in (CAPSTONE, NEURON):
        shutil.copytree(release / name, workspace / name)
    for name in course.lessons():
        if name not in (CAPSTONE, NEURON):  # every lesson present: lab.py has nothing to release
            shutil.copytree(course.NOTEBOOKS / name, workspace / name)
    state = {"tmp": tmp, "workspace": workspace}
    state["proc"], state["base"], state["token"], state["env"], state["log"] = harness.start_lab(
        "learner", tmp, workspace=workspace)
    try:
        yield state
    finally:
        harness.stop(state["proc"])


@contextlib.contextmanager
def browser_page(learner):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = harness.launch_chromium(p, learner["tmp"] / f"chromium-{harness.free_port()}")
        try:
            yield context.new_page()
        finally:
            context.close()


def cell_info(page) -> list[dict]:
    """Per cell: type, nbgrader grade_id, tags, output text, images, widgets, and whether it shows an error."""
    return page.evaluate("""() => {
      const w = window.jupyterapp.shell.currentWidget;
      const nodes = w.node.querySelectorAll('.jp-Cell');
      const out = [];
      for (let i = 0; i < w.content.model.cells.length; i++) {
        const c = w.content.model.cells.get(i);
        const nb = c.getMetadata('nbgrader') || {};
        const area = nodes[i].querySelector('.jp-Cell-outputArea');
        const outputs = c.type === 'code' ? c.outputs.toJSON() : [];
        out.push({type: c.type, grade_id: nb.grade_id || null, tags: c.getMetadata('tags') || [],
                  text: area ? area.innerText : '', images: area ? area.querySelectorAll('img').length : 0,
                  widgets: area ? area.querySelectorAll('.jupyter-widgets .widget-slider, .jupyter-widgets .widget-dropdown').length : 0,
                  error: outputs.some(o => o.output_type === 'error'), source: c.sharedModel.getSource()});
      }
      return out;
    }""")


def check_student_lesson_runs_top_to_bottom_with_every_widget_and_plot(learner, page):
    harness.open_notebook(page, learner["base"], learner["token"], f"{CAPSTONE}/{CAPSTONE}.ipynb")
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(ALL_RUN_JS, timeout=240_000, polling=500)
    page.wait_for_timeout(2000)
    cells = cell_info(page)
    harness.ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(harness.ARTIFACTS / "browser-student-lesson-run-all.png"), full_page=True)
    code = [c for c in cells if c["type"] == "code"]
    demos = [c for c in code if not c["grade_id"] and "nnlab-hints" not in c["tags"]]
    exercises = [c for c in code if c["grade_id"]]
    assert all(c["source"] for c in code)
    failing_demos = [(c["source"][:80], c["text"][:300]) for c in demos if c["error"]]
    assert not failing_demos, f"demo cells stopped by an unfinished exercise: {failing_demos}"
    assert sum(c["widgets"] for c in demos) >= 1, "the lesson's widget (OperatingPointCard) is not shown"
    assert sum(c["images"] for c in demos) >= 1, "the lesson's plots are not shown"
    fallback = next(c for c in demos if "yours_or_reference(\"metrics_by_group\"" in c["source"])
    assert ("\nUsing labkit's reference metrics_by_group until yours passes its checks "
            "(exercise «Exercise 1 · Metrics by group», cell ") in "\n" + fallback["text"], fallback["text"][:300]
    # The unfinished exercises stay visibly unfinished, each named.
    answers = [c for c in exercises if c["grade_id"].startswith("capstone_") and not c["grade_id"].endswith("_tests")]
    assert answers and all(c["error"] for c in answers)
    model = next(c for c in answers if c["grade_id"] == "capstone_model")
    assert model["text"].startswith("\u2718 This exercise, «Capstone 1 · Train a network», cell "), model["text"][:300]
    assert all(c["error"] for c in exercises if c["grade_id"] == "metrics_by_group_tests")
    # A knock-on error names the exercise that defines the missing name.
    auc = next(c for c in exercises if c["grade_id"] == "capstone_auc_tests")
    assert auc["text"].startswith("\u2718 `model` is not defined yet: it is the answer to exercise "
                                  "«Capstone 1 · Train a network», cell "), auc["text"][:400]


def check_validate_dialog_shows_each_message_first(learner, page):
    path = f"{NEURON}/{NEURON}.ipynb"
    harness.open_notebook(page, learner["base"], learner["token"], path)
    answer = harness.cell_index(page, grade_id="weighted_sum")
    harness.set_source(page, answer, "def weighted_sum(x, w, b):\n    return np.dot(w, x)\n")
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    page.wait_for_function("() => { const s = (" + harness.STATE_JS + ")(); return s && !s.dirty; }", timeout=30_000)
    panel = page.evaluate("() => window.jupyterapp.shell.currentWidget.id")
    page.locator(f"[id='{panel}'] .jp-NotebookPanel-toolbar").get_by_text("Validate", exact=True).click()
    dialog = page.locator("#validation-message")
    dialog.wait_for(timeout=240_000)
    harness.ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(harness.ARTIFACTS / "browser-validate-dialog.png"))
    blocks = page.evaluate("""() => {
      const m = document.querySelector('#validation-message');
      const out = []; let label = null;
      for (const el of m.children) {
        if (el.tagName === 'DIV' && el.querySelector('p') && !el.classList.contains('jp-RenderedText')) {
          label = el.innerText.trim(); continue; }
        if (label === 'The following cell failed:') {
          out.push({first: el.innerText.trim().split('\\n')[0], closed: Array.from(el.querySelectorAll('details')).every(d => !d.open),
                    details: el.querySelectorAll('details').length, visible: el.innerText.trim().split('\\n').length});
        }
      }
      return out;
    }""")
    firsts = blocks[0::2]
    assert firsts, f"the dialog shows no failing cell: {dialog.inner_text()[:1000]}"
    assert all(b["first"].startswith("\u2718") for b in firsts), [b["first"] for b in firsts]
    assert any("weighted_sum(x=[1, 2], w=[3, 4], b=5) returned 11, expected 16." in b["first"] for b in firsts), firsts
    sources = blocks[1::2]
    assert all(b["details"] == 1 and b["closed"] for b in sources), sources
    page.keyboard.press("Escape")


def check_reopened_lesson_after_server_restart(learner, page_factory):
    path = f"{WELCOME}/{WELCOME}.ipynb"
    with page_factory() as page:
        harness.open_notebook(page, learner["base"], learner["token"], path)
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_function(ALL_RUN_JS, timeout=180_000, polling=500)
        page.locator(".widget-slider").first.wait_for(timeout=30_000)
        page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
        page.wait_for_function("() => { const s = (" + harness.STATE_JS + ")(); return s && !s.dirty; }",
                               timeout=30_000)
    # The server stops (the laptop sleeps, the learner presses Ctrl+C) and `make lab` starts it again.
    harness.stop(learner["proc"])
    learner["proc"], learner["base"], learner["token"], learner["env"], learner["log"] = harness.start_lab(
        "learner", learner["tmp"], workspace=learner["workspace"])
    with page_factory() as page:
        harness.open_notebook(page, learner["base"], learner["token"], path)
        page.wait_for_timeout(10_000)  # the unsaved marker used to appear within 10 s, with no edit
        harness.ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(harness.ARTIFACTS / "browser-reopened-after-restart.png"))
        state = page.evaluate("() => (" + harness.STATE_JS + ")()")
        assert state["dirty"] is False, "the reopened lesson is marked unsaved before any edit"
        assert page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty").count() == 0, "the tab shows the unsaved dot"
        assert page.locator(".jupyter-widgets-disconnected").count() == 0, "dead widgets with 'disconnected' icons"
        assert page.get_by_text("Error displaying widget").count() == 0
        widget = harness.cell_index(page, contains="widgets.interact(draw_wave")
        reopened = harness.cells(page).nth(widget)
        assert "run the cell (Shift+Enter) to bring its controls back" in reopened.inner_text()
        assert reopened.locator(".jp-OutputArea img").count() >= 1, "the widget's last plot is gone"
        # Re-run: the widget works (moving a slider redraws the plot).
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_timeout(2000)
        page.wait_for_function(ALL_RUN_JS, timeout=180_000, polling=500)
        slider = reopened.locator(".widget-slider").first
        slider.wait_for(timeout=30_000)
        assert reopened.locator(".jupyter-widgets-disconnected").count() == 0
        image = reopened.locator(".jp-OutputArea img").last
        image.wait_for(timeout=30_000)
        before = image.get_attribute("src")
        reopened.locator(".widget-slider .noUi-handle").first.focus()
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        page.wait_for_function("([i, src]) => { const c = window.jupyterapp.shell.currentWidget.node.querySelectorAll('.jp-Cell')[i];"
                               " const imgs = c.querySelectorAll('.jp-OutputArea img');"
                               " return imgs.length && imgs[imgs.length - 1].getAttribute('src') !== src; }",
                               arg=[widget, before], timeout=30_000, polling=250)
        page.evaluate("() => window.jupyterapp.serviceManager.sessions.shutdownAll()")


# One test, one server (see test_learner_lab.py); each check is a subtest.
def test_learner_whole_lessons(learner, subtests):
    for check in (check_student_lesson_runs_top_to_bottom_with_every_widget_and_plot,
                  check_validate_dialog_shows_each_message_first):
        with subtests.test(check.__name__[len("check_"):]):
            with browser_page(learner) as page:
                try:
                    check(learner, page)
                finally:  # the next check starts from an empty lab: no kernel, no tab restored
                    page.evaluate("() => window.jupyterapp && window.jupyterapp.serviceManager.sessions.shutdownAll()")
                    page.evaluate("() => window.jupyterapp && window.jupyterapp.commands.execute('application:close-all')")
                    page.wait_for_timeout(1000)
    with subtests.test("reopened_lesson_after_server_restart"):
        check_reopened_lesson_after_server_restart(learner, lambda: browser_page(learner))
