"""One class on one server, end to end: deploy/jupyterhub with real Unix accounts.

The hub (conftest.py) has an instructor, the grader account running the course service, and
three students. The cycle runs once (``run_cycle``), through the hub's and nbgrader's web APIs as
those people:

    instructor: generate + release lesson 01 (formgrader API of the course service)
    ana: fetch, submit the solutions          -> full marks
    ben: fetch, submit the blank notebook     -> zero; then plants a submission in ana's name
    cleo: fetch, submit the solutions, then the blank notebook -> the later one counts: zero
    instructor: collect, autograde each, generate + release feedback
    each student: fetch their feedback

Then each check runs as a subtest: the grades, that each student got their own feedback only,
every permission of the exchange and the hub from another student's side, and the formgrader in
headless Chromium (the instructor sees the scores; a student is refused; skipped, with the
reason, where chromium is not installed).
"""

from __future__ import annotations

import copy
import html
import json
import re
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urljoin

import nbformat
import pytest

import hub_helpers as hh

pytestmark = [pytest.mark.slow]

LESSON = "01_artificial_neuron"
NOTEBOOK = f"{LESSON}.ipynb"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def solved(released: dict) -> dict:
    """The released notebook with every answer cell replaced by the instructor's solution."""
    source = nbformat.read(hh.REPO / "notebooks" / LESSON / NOTEBOOK, as_version=4)
    answers = {c.metadata["nbgrader"]["grade_id"]: c.source for c in source.cells
               if c.metadata.get("nbgrader", {}).get("solution")}
    nb = copy.deepcopy(released)
    filled = 0
    for cell in nb["cells"]:
        meta = cell["metadata"].get("nbgrader", {})
        if meta.get("solution"):
            cell["source"] = answers[meta["grade_id"]]
            filled += 1
    assert filled == len(answers) > 0, f"filled {filled} answer cells, the lesson has {len(answers)}"
    return nb


def _latest_submission(spec, student: str) -> Path:
    inbound = Path(spec.exchange) / spec.course_id / "inbound"
    mine = sorted(p for p in inbound.iterdir() if p.name.startswith(f"{student}+{LESSON}+") and p.owner() == student)
    return mine[-1]


def run_cycle(hub) -> dict:
    spec = hub.spec
    course = spec.course_id
    teacher_name = spec.instructors[0]
    ana_name, ben_name, cleo_name = spec.students
    timings = {}
    t0 = time.monotonic()

    teacher = hh.HubUser(hub, teacher_name)
    students = {name: hh.HubUser(hub, name) for name in spec.students}
    # The three servers start side by side (the hub answers a start request after up to 10 s).
    starting = ThreadPoolExecutor(len(students))
    started = [starting.submit(s.request_server) for s in students.values()]

    # Instructor: generate the student version of lesson 01 and release it.
    teacher.formgrader("post", f"/assignment/{LESSON}/assign")
    teacher.formgrader("post", f"/assignment/{LESSON}/release")
    timings["release"] = time.monotonic() - t0

    for future in started:
        future.result()
    starting.shutdown()
    for s in students.values():
        s.wait_server()
    timings["servers"] = time.monotonic() - t0

    # Students: see the release, fetch it, answer (or not), submit.
    listed = students[ana_name].get(students[ana_name].server(f"/assignments?course_id={course}")).json()
    nb_path = f"/api/contents/{course}/{LESSON}/{NOTEBOOK}"
    released = {}
    for name, s in students.items():
        s.nbgrader("fetch", course, LESSON)
        released[name] = s.get(s.server(nb_path)).json()["content"]

    def save(s, nb):
        r = s.put(s.server(nb_path), json={"type": "notebook", "format": "json", "content": nb})
        assert r.status_code in (200, 201), r.text

    submitted = {}
    ana, ben, cleo = students[ana_name], students[ben_name], students[cleo_name]
    save(ana, solved(released[ana_name]))
    # The Validate button: runs the notebook in a kernel of the student's own server, as the student.
    validated = ana.post(ana.server("/assignments/validate"), data={"path": f"{course}/{LESSON}/{NOTEBOOK}"}).json()
    timings["validate"] = time.monotonic() - t0
    ana.nbgrader("submit", course, LESSON)
    submitted[ana_name] = _latest_submission(spec, ana_name)
    ben.nbgrader("submit", course, LESSON)  # the blank release
    submitted[ben_name] = _latest_submission(spec, ben_name)
    save(cleo, solved(released[cleo_name]))
    cleo.nbgrader("submit", course, LESSON)
    cleo_first = _latest_submission(spec, cleo_name)
    time.sleep(0.01)
    save(cleo, released[cleo_name])  # back to blank: the later submission must count
    cleo.nbgrader("submit", course, LESSON)
    submitted[cleo_name] = _latest_submission(spec, cleo_name)
    assert submitted[cleo_name] != cleo_first

    # ben plants a newer submission named after ana, straight into the exchange (no nbgrader
    # client check in the way: this is what a student with a terminal can do).
    forged = hh.run_as(ben_name, spec.server_python(), FORGE, str(submitted[ben_name]),
                       str(Path(spec.exchange) / course / "inbound"), ana_name, LESSON)
    assert forged.returncode == 0, forged.stderr
    timings["submit"] = time.monotonic() - t0

    # Instructor: collect, autograde, feedback.
    collect_log = teacher.formgrader("post", f"/assignment/{LESSON}/collect")["log"]
    for name in spec.students:
        teacher.formgrader("post", f"/submission/{LESSON}/{name}/autograde")
    timings["autograde"] = time.monotonic() - t0
    teacher.formgrader("post", f"/assignment/{LESSON}/generate_feedback")
    teacher.formgrader("post", f"/assignment/{LESSON}/release_feedback")
    grades = {row["student"]: row for row in teacher.formgrader("get", f"/submissions/{LESSON}")}

    feedback = {}
    for name, s in students.items():
        s.nbgrader("fetch_feedback", course, LESSON)
        listing = s.get(s.server(f"/api/contents/{course}/{LESSON}/feedback")).json()
        files = []
        for stamp in listing["content"]:
            inner = s.get(s.server(f"/api/contents/{stamp['path']}")).json()["content"]
            files += [s.get(s.server(f"/api/contents/{f['path']}")).json() for f in inner]
        feedback[name] = files
    timings["feedback"] = time.monotonic() - t0
    artifacts = hh.REPO / "test-artifacts" / "hub"
    artifacts.mkdir(parents=True, exist_ok=True)
    (artifacts / "timings.json").write_text(json.dumps({k: round(v, 1) for k, v in timings.items()}, indent=1))

    return dict(hub=hub, spec=spec, teacher=teacher, students=students, listed=listed, validated=validated,
                submitted=submitted,
                cleo_first=cleo_first, collect_log=collect_log, grades=grades, feedback=feedback,
                timings=timings)


FORGE = """
import os, shutil, sys, time, datetime
own, inbound, victim, lesson = sys.argv[1:]
stamp = (datetime.datetime.utcnow() + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
dest = os.path.join(inbound, f"{victim}+{lesson}+{stamp}+forged")
os.mkdir(dest)
shutil.copy(os.path.join(os.path.expanduser("~"), "nnlab", lesson, lesson + ".ipynb"), dest)
open(os.path.join(dest, "timestamp.txt"), "w").write(stamp)
"""


def check_students_see_and_fetch_the_release(cycle):
    listed = cycle["listed"]
    assert listed["success"], listed
    released = [a for a in listed["value"] if a["status"] == "released"]
    assert [(a["course_id"], a["assignment_id"]) for a in released] == [("nnlab", LESSON)], listed
    for name in cycle["spec"].students:
        assert Path("/home", name, "nnlab", LESSON, NOTEBOOK).owner() == name


def check_students_validate_in_their_own_kernel(cycle):
    """Validate runs the lesson in a kernel of ana's own server, as ana, with labkit: all checks pass."""
    assert cycle["validated"] == {"success": True, "value": {}}, str(cycle["validated"])[:3000]


def check_grades_the_later_submission_counts_and_forgery_is_ignored(cycle):
    spec, grades = cycle["spec"], cycle["grades"]
    ana, ben, cleo = spec.students
    assert set(grades) == {ana, ben, cleo}, grades
    max_score = grades[ana]["max_score"]
    assert max_score == 11.0, grades[ana]  # lesson 01: 2 + 2 + 2 + 3 + 1 + 1 points
    assert grades[ana]["score"] == max_score, f"the solutions scored {grades[ana]['score']} / {max_score}"
    assert grades[ben]["score"] == 0.0, f"the blank release scored {grades[ben]['score']}"
    assert grades[cleo]["score"] == 0.0, (
        f"cleo submitted solutions, then the blank notebook: the later one counts, got {grades[cleo]['score']}")
    # The collected submission is the one each student made (timestamps as in the exchange).
    for name in (ana, ben, cleo):
        stamp = (cycle["submitted"][name] / "timestamp.txt").read_text()
        assert grades[name]["timestamp"].replace("T", " ") == stamp.replace(" UTC", ""), (name, grades[name], stamp)
    # ben's submission in ana's name was refused by collect, not graded as ana's.
    assert "forged" in cycle["collect_log"] and "belongs to" in cycle["collect_log"], cycle["collect_log"]


def check_each_student_fetches_only_their_own_feedback(cycle):
    spec, feedback, grades = cycle["spec"], cycle["feedback"], cycle["grades"]
    ana, ben, cleo = spec.students
    text = {name: _text(files[0]["content"]) for name, files in feedback.items() if files}
    for name in spec.students:
        files = feedback[name]
        assert len(files) == 1, f"{name} fetched {len(files)} feedback files: {[f['path'] for f in files]}"
        score, max_score = grades[name]["score"], grades[name]["max_score"]
        assert f"Score: {score:g} / {max_score:g}" in text[name] or \
            f"Score: {score} / {max_score}" in text[name], f"{name}'s feedback does not show their score {score}"
        assert not any(other in text[name] for other in spec.students if other != name), \
            f"{name}'s feedback names another student"
    # ana's answers are in her feedback only (the blank notebooks of ben and cleo do not have them).
    flat = {name: " ".join(t.split()) for name, t in text.items()}
    answers = _answers()
    assert answers, "lesson 01 has no answer cells"
    missing = [a[:80] for a in answers if a not in flat[ana]]
    assert not missing, f"ana's feedback lacks her answers: {missing}"
    leaked = {name: [a[:80] for a in answers if a in flat[name]] for name in (ben, cleo)}
    assert not any(leaked.values()), f"ana's answers in other students' feedback: {leaked}"
    assert not any("BEGIN HIDDEN TESTS" in t for t in text.values())


def _text(html_page: str) -> str:
    """The visible text of an HTML page (code is split into highlighted spans)."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_page))


def _answers() -> list[str]:
    """The body of each answer (between the solution markers), whitespace collapsed."""
    nb = nbformat.read(hh.REPO / "notebooks" / LESSON / NOTEBOOK, as_version=4)
    bodies = []
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            for block in re.findall(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", cell.source, flags=re.S):
                if len(block.strip()) > 20:
                    bodies.append(" ".join(block.split()))
    return bodies


PROBE = """
import json, os, sys
checks = json.loads(sys.argv[1])
out = {}
for name, (op, path) in checks.items():
    try:
        if op == "list":
            os.listdir(path)
        elif op == "read":
            open(path, "rb").read(1)
        elif op == "write":
            open(path, "ab").close()
        elif op == "create":
            open(path, "xb").close(); os.unlink(path)
        elif op == "mkdir":
            os.mkdir(path); os.rmdir(path)
        elif op == "rename":
            os.rename(path, path + ".moved"); os.rename(path + ".moved", path)
        elif op == "delete":
            os.unlink(path)
        out[name] = "allowed"
    except PermissionError:
        out[name] = "denied"
    except Exception as e:
        out[name] = f"{type(e).__name__}: {e}"
print(json.dumps(out))
"""


def check_exchange_permissions_seen_from_another_student(cycle):
    """ben (a student) tries everything item 2 of the issue forbids, on ana's work and the course."""
    spec = cycle["spec"]
    ana, ben, _ = spec.students
    ex = Path(spec.exchange) / spec.course_id
    ana_sub = cycle["submitted"][ana]
    ana_cache = next(Path("/home", ana, ".local/share/jupyter/nbgrader_cache", spec.course_id).iterdir())
    ben_feedback = next((ex / "feedback").iterdir())  # (root's view, to give ben a name to try)
    course = spec.course_dir
    must_fail = {
        "list inbound (everyone's submissions)": ("list", ex / "inbound"),
        "read ana's submitted notebook": ("read", ana_sub / NOTEBOOK),
        "read ana's submission secret (names her feedback)": ("read", ana_sub / "submission_secret.txt"),
        "overwrite ana's submitted notebook": ("write", ana_sub / NOTEBOOK),
        "add a file to ana's submission": ("create", ana_sub / "extra.ipynb"),
        "rename ana's submission away": ("rename", ana_sub),
        "list the feedback folder": ("list", ex / "feedback"),
        "list ana's home": ("list", Path("/home", ana)),
        "read ana's working notebook": ("read", Path("/home", ana, "nnlab", LESSON, NOTEBOOK)),
        "read ana's submission cache": ("read", ana_cache / "submission_secret.txt"),
        "list the instructor's course folder": ("list", course),
        "read the source notebook (solutions, hidden tests)": ("read", course / "source" / LESSON / NOTEBOOK),
        "read the gradebook": ("read", course / "gradebook.db"),
        "read autograded work": ("list", course / "autograded"),
        "change the released notebook": ("write", ex / "outbound" / LESSON / NOTEBOOK),
        "add a file to the release": ("create", ex / "outbound" / LESSON / "extra.py"),
        "write into the exchange root": ("create", Path(spec.exchange) / "x"),
        "write into the course's exchange folder": ("create", ex / "x"),
        "plant a feedback file": ("create", ex / "feedback" / "0123456789abcdef.html"),
        "delete a feedback file": ("delete", ben_feedback),
    }
    must_work = {  # the same probe succeeds where a student needs access, so the test can fail
        "traverse to the release and read it": ("read", ex / "outbound" / LESSON / NOTEBOOK),
        "create a submission in inbound": ("mkdir", ex / "inbound" / f"{ben}+probe"),
        "read own feedback by its secret name": ("read", ben_feedback),
    }
    # ben's own feedback: find the file whose content is ben's (root can read all of them).
    for f in (ex / "feedback").iterdir():
        if f.read_text(errors="replace") == cycle["feedback"][ben][0]["content"]:
            must_work["read own feedback by its secret name"] = ("read", f)
            must_fail["delete a feedback file"] = ("delete", f)
    checks = {**must_fail, **must_work}
    result = hh.run_as(ben, spec.server_python(), PROBE, json.dumps({k: (op, str(p)) for k, (op, p) in checks.items()}))
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    wrong = {k: seen[k] for k in must_fail if seen[k] != "denied"}
    wrong.update({k: seen[k] for k in must_work if seen[k] != "allowed"})
    assert not wrong, f"as student {ben}: {wrong}"
    # The exchange is world-writable only where students must create submissions.
    modes = {p: p.stat().st_mode & 0o7777 for p in (Path(spec.exchange), ex, ex / "outbound", ex / "inbound",
                                                       ex / "feedback", ex / "outbound" / LESSON)}
    assert {p for p, m in modes.items() if m & 0o002} == {ex / "inbound"}, {str(p): oct(m) for p, m in modes.items()}
    assert modes[ex / "inbound"] == 0o3733, oct(modes[ex / "inbound"])
    assert ana_sub.stat().st_mode & 0o007 == 0, oct(ana_sub.stat().st_mode)


def check_hub_permissions_seen_from_another_student(cycle):
    spec, students = cycle["spec"], cycle["students"]
    ana, ben, _ = spec.students
    as_ben = students[ben]
    course = spec.course_id
    refused = {
        "ana's server (contents)": f"/user/{ana}/api/contents/nnlab/{LESSON}/{NOTEBOOK}",
        "ana's JupyterLab": f"/user/{ana}/lab",
        "the formgrader page": f"/services/{course}/formgrader",
        "the formgrader API (grades)": f"/services/{course}/formgrader/api/submissions/{LESSON}",
        "the course service's files": f"/services/{course}/api/contents/source",
        "ana's hub record": f"/hub/api/users/{ana}",
        "the instructors' group": f"/hub/api/groups/formgrade-{course}",
    }
    got = {what: as_ben.get(path).status_code for what, path in refused.items()}
    bad = {what: code for what, code in got.items() if code not in (403, 404)}
    assert not bad, f"{ben} was not refused: {bad}"
    r = as_ben.post(f"/hub/api/users/{ana}/tokens", json={"note": "steal"})
    assert r.status_code in (403, 404), r.status_code
    # and the same requests work for the people they are meant for
    assert students[ana].get(refused["ana's server (contents)"]).status_code == 200
    assert cycle["teacher"].get(refused["the formgrader API (grades)"]).status_code == 200
    # the hub's protection of every server stays: no framing anywhere
    for who, path in ((students[ana], f"/user/{ana}/api/status"),
                      (cycle["teacher"], f"/services/{course}/formgrader/api/status")):
        csp = who.get(path).headers.get("Content-Security-Policy", "")
        assert "frame-ancestors 'none'" in csp, (path, csp)


def check_formgrader_in_chromium_instructor_sees_scores_student_refused(cycle):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium); .ci/run installs it")
    from playwright.sync_api import sync_playwright

    hub, spec, grades = cycle["hub"], cycle["spec"], cycle["grades"]
    shots = hh.REPO / "test-artifacts" / "hub"
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            def login(name):
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                page.goto(f"{hub.url}/hub/login?next=%2Fhub%2Fhome")
                page.fill("#username_input", name)
                page.fill("#password_input", "any")
                page.click("#login_submit")
                page.wait_for_url("**/hub/home", timeout=60_000)
                return page

            teacher = login(spec.instructors[0])
            # The hub's home page lists the course service; it opens on the formgrader, in its own tab.
            teacher.goto(f"{hub.url}/hub/home")
            links = teacher.locator(f"a[href*='/services/{spec.course_id}']")
            assert links.count() >= 1, "the hub's home page does not list the course service"
            teacher.goto(urljoin(f"{hub.url}/hub/home", links.first.get_attribute("href")))
            teacher.wait_for_url(f"**/services/{spec.course_id}/formgrader**", timeout=60_000)
            teacher.goto(f"{hub.url}/services/{spec.course_id}/formgrader/manage_submissions/{LESSON}")
            scores = {}
            for name in spec.students:
                row = teacher.locator("tr", has=teacher.locator(".student-id", has_text=name))
                row.locator(".score").filter(has_text="/").wait_for(timeout=60_000)
                scores[name] = row.locator(".score").inner_text().strip()
            teacher.screenshot(path=str(shots / "formgrader-instructor.png"), full_page=True)
            expected = {name: f"{grades[name]['score']:g} / {grades[name]['max_score']:g}" for name in spec.students}
            assert scores == expected, f"the formgrader shows {scores}, the gradebook has {expected}"

            student = login(spec.students[1])
            response = student.goto(f"{hub.url}/services/{spec.course_id}/formgrader/manage_submissions/{LESSON}")
            student.screenshot(path=str(shots / "formgrader-student.png"), full_page=True)
            assert response.status == 403, f"a student opening the formgrader got {response.status} at {student.url}"
            assert "/hub/" in student.url, student.url  # refused by the hub, never served by the formgrader
            seen = student.inner_text("body")
            assert not any(name in seen for name in (spec.students[0], spec.students[2])), seen[:500]
        finally:
            browser.close()


CHECKS = [
    check_students_see_and_fetch_the_release,
    check_students_validate_in_their_own_kernel,
    check_grades_the_later_submission_counts_and_forgery_is_ignored,
    check_each_student_fetches_only_their_own_feedback,
    check_exchange_permissions_seen_from_another_student,
    check_hub_permissions_seen_from_another_student,
    check_formgrader_in_chromium_instructor_sees_scores_student_refused,
]


@pytest.mark.timeout(1500)  # ~4 min on an idle 2-core machine; allow for a busy one
def test_a_class_on_one_hub(hub, subtests):
    """The cycle once, then every check as a subtest (each reported on its own; all run).

    One test rather than one per check: the hub, its accounts and the submissions are one live
    system, and the checks must run in the process that owns it (pytest-xdist would otherwise
    give each worker its own copy of a module-scoped hub).
    """
    cycle = run_cycle(hub)
    for check in CHECKS:
        with subtests.test(msg=check.__name__.removeprefix("check_")):
            check(cycle)
