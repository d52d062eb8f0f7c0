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

Issue 24, items 7 and 10, as a student sees the feedback: the course also holds lesson 21, the one
lesson with answers graded by hand, and a third student's submission of it (capstone_submission:
three written readings, one exercise whose visible checks pass and whose hidden tests fail, and a
NumPy warning from the grader's site-packages), autograded with the others (about 25 s more). Its
feedback, opened in Chromium, shows in its visible text "awaiting grading" for each reading and a
total "so far" marked provisional; "✘ Hidden tests failed: 3 of 3 points lost" under the passed
visible checks, whole in its box; and no folder of the grading machine nor loky's warning.
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
# The one lesson with answers graded by hand (three written readings).
CAPSTONE = "21_transparency_and_capstone"
WRITER = "carol"  # the capstone: readings nobody has graded yet, one exercise that fails only hidden tests
READING = "My reading: the debt ratio matters most, and zip_area plays no part in the decision."


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


def capstone_submission():
    """Lesson 21's solution as a learner might hand it in: the three readings written but not graded yet;
    card_problems without its check of the Metrics section (the visible checks pass, the hidden ones
    do not: 3 points lost); and metrics_by_group tried out on a group where nobody repaid, so NumPy
    warns from its own files (their paths on the grading machine are in the raw output)."""
    nb = nbformat.read(course.NOTEBOOKS / CAPSTONE / f"{CAPSTONE}.ipynb", as_version=4)
    edited = set()
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id == "card_problems":
            line = '        ("Metrics", bool(card.metrics)),\n'
            assert line in cell.source, "lesson 21's card_problems changed: update capstone_submission()"
            cell.source = cell.source.replace(line, "")
            edited.add(grade_id)
        elif grade_id == "metrics_by_group":
            cell.source += "\n\n\nmetrics_by_group([0, 0], [1, 0], ['A', 'A'])  # trying it out: nobody repaid\n"
            edited.add(grade_id)
        elif grade_id.endswith("_reading") and cell.cell_type == "markdown":
            cell.source = READING
            edited.add(grade_id)
    assert len(edited) == 5, f"lesson 21's exercises changed: update capstone_submission() ({sorted(edited)})"
    return nb


@pytest.fixture(scope="module")
def instructor(tmp_path_factory):
    if harness.CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium); .ci/run installs it")
    tmp = tmp_path_factory.mktemp("instructor")
    repo = tmp / "repo"
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "course", "wrong_answers", "right_answers")
    for lesson in (LESSON, CAPSTONE):
        shutil.copytree(course.NOTEBOOKS / lesson, repo / "notebooks" / lesson, ignore=ignore)
    shutil.copytree(course.GRADING, repo / "grading", ignore=ignore)
    shutil.copytree(course.REPO / "jupyter-config", repo / "jupyter-config", ignore=ignore)
    submitted = tmp / "submitted" / STUDENT / LESSON
    submitted.mkdir(parents=True)
    shutil.copy(course.NOTEBOOKS / LESSON / f"{LESSON}.ipynb", submitted)  # the solution: full marks
    env = harness.isolated_env(tmp)
    grading = [sys.executable, str(repo / "grading" / "course.py")]
    proc = subprocess.run(grading + ["release", LESSON, CAPSTONE], env=env, cwd=tmp, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # A second student: the release with one wrong answer (the bias forgotten), the rest left blank.
    nb = nbformat.read(repo / "grading" / "course" / "release" / LESSON / f"{LESSON}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "weighted_sum":
            cell.source = "def weighted_sum(x, w, b):\n    return np.dot(x, w)\n"
    (tmp / "submitted" / WRONG / LESSON).mkdir(parents=True)
    nbformat.write(nb, tmp / "submitted" / WRONG / LESSON / f"{LESSON}.ipynb")
    (tmp / "submitted" / WRITER / CAPSTONE).mkdir(parents=True)
    nbformat.write(capstone_submission(), tmp / "submitted" / WRITER / CAPSTONE / f"{CAPSTONE}.ipynb")
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


def _grade_cell(page, grade_id):
    """The feedback's cell (its input panel and its outputs) whose panel heading names ``grade_id``."""
    return page.locator("div.cell", has=page.locator(".panel-heading", has_text=grade_id)).first


def _sees_awaiting_grading_and_a_provisional_total(page, seen):
    title = page.locator("h4").first.inner_text()
    assert re.search(r"Score so far: \d+(\.\d+)? / \d+(\.\d+)?", title), \
        f"the total should read 'Score so far' while readings await grading: {title!r}"
    provisional = page.get_by_text(re.compile(r"Provisional: 3 answers graded by hand are awaiting grading")).first
    assert provisional.count() and provisional.is_visible(), "no visible line says the total is provisional"
    readings = page.locator(".nbgrader_cell", has_text=READING)
    assert readings.count() == 3, f"{readings.count()} of the 3 readings in the feedback"
    for i in range(3):
        heading = readings.nth(i).locator(".panel-heading").inner_text()
        assert "awaiting grading" in heading and "Score: 0.0" not in heading, \
            f"an ungraded reading should read 'awaiting grading', not a score: {heading!r}"
    assert "Written response (Score: 0.0 / 2.0)" not in seen


def _sees_the_hidden_tests_failed_with_the_points_lost(page, seen):
    card = _grade_cell(page, "card_problems_tests")
    card.scroll_into_view_if_needed()
    shown = card.inner_text()
    assert "Score: 0.0 / 3.0" in card.locator(".panel-heading").first.inner_text()
    assert "\u2714 Visible checks passed" in shown, shown[-800:]
    assert "\u2718 Hidden tests failed: 3 of 3 points lost." in shown, \
        f"a failed hidden test under passed visible checks should say so, got: {shown[shown.rindex(chr(0x2714)):]!r}"
    label = card.locator("pre", has_text="Hidden tests failed").first
    assert label.is_visible()
    wide, box = label.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert wide <= box + 1, f"the label runs out of its box ({wide} px in {box} px): the student must scroll to read it"


def _sees_no_path_of_the_grading_machine_nor_loky(tmp, seen):
    assert "RuntimeWarning: Mean of empty slice" in seen, "the learner's own warning should stay"
    leaks = [p for p in (str(tmp), str(tmp.resolve()), str(course.REPO), sys.prefix, f"{sys.base_prefix}/lib/python",
                         "site-packages", "/home/", "/root/", "/grade/", "loky", "LOKY_MAX_CPU_COUNT",
                         "number of physical cores") if p in seen]
    assert not leaks, (f"the feedback shows the grading machine ({', '.join(leaks)}), e.g. "
                       f"{seen[max(0, seen.index(leaks[0]) - 60):seen.index(leaks[0]) + 100]!r}")


def check_feedback_a_student_sees_awaiting_grading_hidden_failures_and_no_grader_paths(instructor, browser):
    """Issue 24, items 7 and 10, in the feedback page as the student sees it (its visible text, not its HTML):
    (a) a reading nobody has graded yet reads "awaiting grading" and the total "so far", provisional;
    (b) the hidden tests that failed under passed visible checks are labelled, with the points lost, whole
    in their box; (c) no folder of the grading machine and no loky warning. Each part is reported."""
    feedback = instructor["repo"] / "grading" / "course" / "feedback" / WRITER / CAPSTONE / f"{CAPSTONE}.html"
    assert feedback.exists()
    page = browser.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    failed = []
    try:
        page.goto(feedback.as_uri(), wait_until="load")
        seen = page.locator("body").inner_text()  # what is displayed: no markup, nothing hidden by CSS
        parts = (("(a) awaiting grading", _sees_awaiting_grading_and_a_provisional_total, (page, seen)),
                 ("(b) hidden tests failed", _sees_the_hidden_tests_failed_with_the_points_lost, (page, seen)),
                 ("(c) grading machine", _sees_no_path_of_the_grading_machine_nor_loky, (instructor["tmp"], seen)))
        for part, check, args in parts:
            try:
                check(*args)
            except AssertionError as err:
                failed.append(f"{part}: {str(err).splitlines()[0]}")
            if part.startswith("(b)"):
                harness.ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(path=str(harness.ARTIFACTS / "browser-feedback-hidden-tests-failed.png"))
        page.evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=str(harness.ARTIFACTS / "browser-feedback-awaiting-grading.png"))
    finally:
        page.close()
    assert not failed, "\n".join(failed)


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
                  check_feedback_a_student_sees_awaiting_grading_hidden_failures_and_no_grader_paths,
                  check_learner_and_instructor_keep_their_own_workspaces):
        with subtests.test(check.__name__[len("check_"):]):
            check(instructor, browser)
