"""The instructor's first hour in the JupyterLab that `make instructor` opens (jupyter-config/lab.py instructor).

A copy of the repository's course files (notebooks/, grading/, jupyter-config/) in a temporary
folder, so that the real grading/course/ is untouched: lesson 01 released, one submission
autograded, feedback generated, all with the copy's grading/course.py. Then lab.py instructor
starts JupyterLab on the copy's root and, in headless Chromium: the Formgrader (loaded from the
course's nbgrader_config.py) lists the lesson, its submission and the score, and clicking the
lesson's name opens its source folder (no 404); no gradebook.db appears at the root; the
feedback HTML renders its maths with every network request blocked.

Issue 24, items 8 and 9: the Formgrader finds its exchange (no "exchange directory does not exist")
and lists the lesson `course.py release` released as released; its Manual Grading page of the
autograded submission renders its maths with every request beyond 127.0.0.1 blocked (MathJax from
the instructor's own server); and a learner's lab started beside it does not reopen the
instructor's workspace (each role's JupyterLab state lives in its own folder of the project).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlparse

import nbformat
import pytest

import course
import harness

# Its own server and group: it may run on the other worker beside the lessons.
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser-instructor")]

LESSON = "01_artificial_neuron"
STUDENT = "alice"  # submits the solution
WRONG = "bob"  # forgets the bias, leaves the rest blank


def start_lab_with_its_own_state(mode, tmp, **kwargs):
    """harness.start_lab, without the harness's JupyterLab workspaces and settings folders: the
    folders lab.py gives each role are the ones under test here."""
    isolated_env = harness.isolated_env

    def env_without_lab_state(tmp, base=None):
        env = isolated_env(tmp, base)
        env.pop("JUPYTERLAB_WORKSPACES_DIR")
        env.pop("JUPYTERLAB_SETTINGS_DIR")
        return env

    harness.isolated_env = env_without_lab_state
    try:
        return harness.start_lab(mode, tmp, **kwargs)
    finally:
        harness.isolated_env = isolated_env


@pytest.fixture(scope="module")
def instructor(tmp_path_factory):
    if harness.CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium); .ci/run installs it")
    tmp = tmp_path_factory.mktemp("instructor")
    repo = tmp / "repo"
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "course", "wrong_answers", "right_answers")
    shutil.copytree(course.NOTEBOOKS / LESSON, repo / "notebooks" / LESSON, ignore=ignore)
    shutil.copytree(course.GRADING, repo / "grading", ignore=ignore)
    shutil.copytree(course.REPO / "jupyter-config", repo / "jupyter-config", ignore=ignore)
    submitted = tmp / "submitted" / STUDENT / LESSON
    submitted.mkdir(parents=True)
    shutil.copy(course.NOTEBOOKS / LESSON / f"{LESSON}.ipynb", submitted)  # the solution: full marks
    env = harness.isolated_env(tmp)
    grading = [sys.executable, str(repo / "grading" / "course.py")]
    proc = subprocess.run(grading + ["release", LESSON], env=env, cwd=tmp, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # A second student: the release with one wrong answer (the bias forgotten), the rest left blank.
    nb = nbformat.read(repo / "grading" / "course" / "release" / LESSON / f"{LESSON}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "weighted_sum":
            cell.source = "def weighted_sum(x, w, b):\n    return np.dot(x, w)\n"
    (tmp / "submitted" / WRONG / LESSON).mkdir(parents=True)
    nbformat.write(nb, tmp / "submitted" / WRONG / LESSON / f"{LESSON}.ipynb")
    for args in (["autograde", str(tmp / "submitted")], ["feedback"]):
        proc = subprocess.run(grading + args, env=env, cwd=tmp, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, f"course.py {args[0]} failed:\n{proc.stdout}\n{proc.stderr}"
    proc, base, token, env, log = start_lab_with_its_own_state("instructor", tmp, lab_script=repo / "jupyter-config" / "lab.py")
    try:
        yield {"base": base, "token": token, "tmp": tmp, "repo": repo, "log": log}
    finally:
        harness.stop(proc)


@pytest.fixture(scope="module")
def browser(instructor):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = harness.launch_chromium(p, instructor["tmp"] / "chromium-profile")
        yield context
        context.close()


def _formgrader_frame(page):
    page.evaluate("() => window.jupyterapp.commands.execute('nbgrader:open-formgrader')")
    page.wait_for_selector("iframe[src*='formgrader']", timeout=60_000)
    return page.frame_locator("iframe[src*='formgrader']")


def check_formgrader_lists_lessons_submissions_scores_and_opens_a_lesson(instructor, browser):
    base, token = instructor["base"], instructor["token"]
    page = browser.new_page()
    try:
        page.goto(f"{base}/lab?token={token}", wait_until="domcontentloaded")
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.commands.hasCommand('nbgrader:open-formgrader')",
                               timeout=90_000)
        frame = _formgrader_frame(page)
        row = frame.locator("tr", has_text=LESSON).first
        row.wait_for(timeout=60_000)
        cells = [t.strip() for t in row.locator("td").all_inner_texts()]
        assert "No data available" not in frame.locator("body").inner_text()
        # The exchange `course.py release` released to is the Formgrader's: found, and the lesson released.
        assert frame.locator("#warning-exchange").count() == 0, frame.locator("#warning-exchange").inner_text()
        assert "released" in cells and "draft" not in cells, f"the lesson should show as released: {cells}"
        assert "2" in cells, f"the lesson's row should count two submissions: {cells}"
        # Scores: the student's page lists the lesson's score.
        students = frame.locator("a", has_text="Manage Students").first
        students.click()
        frame.locator("tr", has_text=STUDENT).first.wait_for(timeout=60_000)
        student_row = " ".join(frame.locator("tr", has_text=STUDENT).first.locator("td").all_inner_texts())
        assert re.search(r"\d+(\.\d+)? / \d+", student_row), f"no score for {STUDENT}: {student_row}"
        # Opening the lesson from the assignments page shows its source folder, not a 404.
        frame.locator("a", has_text="Manage Assignments").first.click()
        frame.locator("a", has_text=LESSON).first.click()
        page.wait_for_function(
            "(p) => window.jupyterapp.shell.widgets('left').next && true && "
            "Array.from(document.querySelectorAll('.jp-DirListing-itemText')).some(e => e.textContent.includes(p))",
            arg=f"{LESSON}.ipynb", timeout=30_000)
        crumbs = page.locator(".jp-BreadCrumbs").first.inner_text()
        assert LESSON in crumbs, crumbs
        assert page.get_by_text("404").count() == 0 and page.locator(".jp-Dialog").count() == 0
        harness.ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(harness.ARTIFACTS / "browser-formgrader.png"))
    finally:
        page.close()
    assert not (instructor["repo"] / "gradebook.db").exists(), "a stray gradebook.db at the root"
    assert not (instructor["tmp"] / "gradebook.db").exists(), "a stray gradebook.db where the server started"
    assert (instructor["repo"] / "grading" / "course" / "gradebook.db").exists()
    assert "No nbgrader_config.py file found" not in instructor["log"].read_text()


def _block_all_but_loopback(page):
    """Abort every request beyond 127.0.0.1; returns the list of blocked URLs."""
    blocked = []

    def route(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    return blocked


def check_manual_grading_renders_maths_with_the_network_blocked(instructor, browser):
    from nbgrader.api import Gradebook

    base, token = instructor["base"], instructor["token"]
    with Gradebook(f"sqlite:///{instructor['repo'] / 'grading' / 'course' / 'gradebook.db'}") as gb:
        submission = gb.find_submission_notebook(LESSON, LESSON, STUDENT).id
    page = browser.new_page()
    blocked, errors = _block_all_but_loopback(page), []
    page.on("pageerror", lambda err: errors.append(str(err)))
    try:
        page.goto(f"{base}/formgrader/submissions/{submission}/?token={token}", wait_until="load")
        page.wait_for_function("() => document.querySelectorAll('.text_cell_render mjx-container').length > 3",
                               timeout=60_000)
        # formgrade.js's MathJax.Hub.Startup callback ran (it sets MathJax.loaded and selects the first score box).
        page.wait_for_function("() => window.MathJax && window.MathJax.loaded === true", timeout=30_000)
        raw = page.evaluate("""() => Array.from(document.querySelectorAll('.text_cell_render'))
                                 .map(e => e.innerText).filter(t => /\\$[^$\\s][^$]*\\$/.test(t))""")
        assert not raw, f"maths left as raw $...$: {raw[:3]}"
        assert not blocked, f"the Manual Grading page asked the network for {blocked}"
        assert not errors, errors
        assert page.locator("input.score").count() > 0  # the grading controls are there
        harness.ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(harness.ARTIFACTS / "browser-formgrader-manual-grading.png"))
    finally:
        page.close()


def check_feedback_renders_maths_with_the_network_blocked(instructor, browser):
    feedback = instructor["repo"] / "grading" / "course" / "feedback" / STUDENT / LESSON / f"{LESSON}.html"
    assert feedback.exists()
    page = browser.new_page()
    blocked, errors = [], []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
               else (blocked.append(route.request.url), route.abort()))
    page.on("pageerror", lambda err: errors.append(str(err)))
    try:
        page.goto(feedback.as_uri(), wait_until="load")
        page.wait_for_function("() => document.querySelectorAll('mjx-container').length > 3", timeout=60_000)
        assert not errors, errors
        raw = page.evaluate("""() => Array.from(document.querySelectorAll('.text_cell_render'))
                                 .map(e => e.innerText).filter(t => /\\$[^$\\s][^$]*\\$/.test(t))""")
        assert not raw, f"maths left as raw $...$: {raw[:3]}"
        assert not blocked, f"the feedback asked the network for {blocked}"
        harness.ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(harness.ARTIFACTS / "browser-feedback-maths.png"))
    finally:
        page.close()


def check_feedback_shows_the_teaching_message_without_library_frames(instructor, browser):
    feedback = instructor["repo"] / "grading" / "course" / "feedback" / WRONG / LESSON / f"{LESSON}.html"
    text = re.sub(r"<[^>]+>", "", feedback.read_text())
    text = text.replace("&#39;", "'").replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert "returned 11, expected 16." in text and "Hint: this is what you get without the bias" in text
    assert "is not written yet" in text, "a blank answer should say which exercise is not done"
    assert "feedback.py" not in text and "allowlist.py" not in text and "checks.py" not in text and "site-packages" not in text


FORMGRADER_TAB = "nbgrader-formgrader:nbgrader-formgrader"  # the Formgrader's tab in a saved workspace


def _workspace_texts(folder):
    return {p.name: p.read_text() for p in sorted(folder.glob("*.jupyterlab-workspace"))} if folder.is_dir() else {}


def check_learner_and_instructor_keep_their_own_workspaces(instructor, browser):
    """The instructor's layout (the Formgrader's tab) is saved in the project's .jupyterlab-instructor/;
    a learner's lab started next, as the same user, opens its own."""
    tmp, repo = instructor["tmp"], instructor["repo"]
    mine = repo / ".jupyterlab-instructor" / "workspaces"
    deadline = time.time() + 30
    while not any(FORMGRADER_TAB in text for text in _workspace_texts(mine).values()) and time.time() < deadline:
        time.sleep(0.5)
    assert any(FORMGRADER_TAB in text for text in _workspace_texts(mine).values()), \
        f"the instructor's layout is not saved in {mine}: {sorted(p.name for p in tmp.rglob('*.jupyterlab-workspace'))}"
    assert (repo / ".jupyterlab-instructor" / "user-settings").is_dir()
    learner_ws = tmp / "learner-workspace"
    proc, base, token, _, log = start_lab_with_its_own_state("learner", tmp, lab_script=repo / "jupyter-config" / "lab.py",
                                                             workspace=learner_ws)
    page = browser.new_page()
    try:
        page.goto(f"{base}/lab?token={token}", wait_until="domcontentloaded")
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell && "
                               "window.jupyterapp.shell.widgets && true", timeout=90_000)
        page.wait_for_timeout(2_000)  # the workspace restored, if any
        with urllib.request.urlopen(f"{base}/lab/api/workspaces?token={token}", timeout=30) as reply:
            learners = json.dumps(json.load(reply))
        assert "formgrader" not in learners, \
            f"the learner's lab opened the instructor's workspace: {learners[:500]}"
        titles = page.evaluate("() => Array.from(window.jupyterapp.shell.widgets('main')).map(w => w.title.label)")
        assert not any("formgrader" in t.lower() for t in titles), titles
    finally:
        page.close()
        harness.stop(proc)
    assert (learner_ws / ".jupyterlab-learner" / "workspaces").is_dir()
    assert all("formgrader" not in t for t in _workspace_texts(learner_ws / ".jupyterlab-learner" / "workspaces").values())
    assert not list((tmp / "jupyter-home").rglob("*.jupyterlab-workspace")), "a workspace in the user's Jupyter folders"


# One test, one graded course and server: xdist_group does not keep a module's tests on one worker
# under pytest 9.2. Each check is a subtest, reported on its own.
def test_instructors_first_hour(instructor, browser, subtests):
    for check in (check_formgrader_lists_lessons_submissions_scores_and_opens_a_lesson,
                  check_manual_grading_renders_maths_with_the_network_blocked,
                  check_feedback_renders_maths_with_the_network_blocked,
                  check_feedback_shows_the_teaching_message_without_library_frames,
                  check_learner_and_instructor_keep_their_own_workspaces):
        with subtests.test(check.__name__[len("check_"):]):
            check(instructor, browser)
