"""One class on one server, end to end: deploy/jupyterhub with real Unix accounts.

The hub (conftest.py) has an instructor, the grader account running the course service, and
three students. The cycle runs once (``run_cycle``), through the hub's and nbgrader's web APIs as
those people:

    instructor: generate + release lesson 01 (formgrader API of the course service)
    ana: fetch, submit the solutions          -> full marks
    ben: fetch, submit the blank notebook with a hostile first answer -> zero, and the answer,
         run by Autograde, finds nothing; then plants a submission in ana's name
    cleo: fetch, submit the solutions, then the blank notebook -> the later one counts: zero
    dan: plants a submission whose notebook is a symbolic link to the grader's source notebook
    eve: plants a submission whose notebook is a hard link to it
    instructor: collect, autograde each, generate + release feedback
    each student: fetch their feedback

Then each check runs as a subtest: the grades, that each student got their own feedback only,
every permission of the exchange and the hub from another student's side, and the formgrader in
headless Chromium (the instructor sees the scores; a student is refused; skipped, with the
reason, where chromium is not installed). Then, on the same live hub: no kernel holds a hub token
(a student's, the Validate button's, the course service's), the course service's token cannot list
users; every server runs in its own cgroup with the class file's limits, a memory bomb kills only
its own kernel, a fork bomb stops at the process limit, a small cell completes next to a CPU-bound
neighbour; and last, the idle culler stops the idle servers and their cgroups go with them.
"""

from __future__ import annotations

import copy
import html
import json
import os
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
    ana_name, ben_name, cleo_name, dan_name, eve_name = spec.students
    timings = {}
    t0 = time.monotonic()

    teacher = hh.HubUser(hub, teacher_name)
    students = {name: hh.HubUser(hub, name) for name in (ana_name, ben_name, cleo_name)}
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
    # ben's notebook is the blank release with a hostile first answer: it looks for what grading must hide.
    save(ben, hostile(released[ben_name], spec))
    ben.nbgrader("submit", course, LESSON)
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
    # dan and eve plant submissions whose notebook is the grader's source notebook (the solutions),
    # one as a symbolic link, one as a hard link.
    inbound = str(Path(spec.exchange) / course / "inbound")
    source_nb = str(spec.course_dir / "source" / LESSON / NOTEBOOK)
    planted = {}
    for name, how in ((dan_name, "symlink"), (eve_name, "hardlink")):
        made = hh.run_as(name, spec.server_python(), PLANT, inbound, name, LESSON, source_nb, how)
        assert made.returncode == 0, made.stderr
        status, path = made.stdout.strip().split(" ", 1)
        planted[name] = Path(path)
        if status == "refused":
            # fs.protected_hardlinks=1 (Debian's default) stops eve linking a file she cannot read;
            # where it is 0 she can. Make the link she would have made (root can), to test collect.
            os.link(source_nb, planted[name] / NOTEBOOK)
    timings["submit"] = time.monotonic() - t0

    # Instructor: collect, autograde, feedback.
    collect_log = teacher.formgrader("post", f"/assignment/{LESSON}/collect")["log"]
    autograde_errors = {}
    for name in spec.students:
        try:
            teacher.formgrader("post", f"/submission/{LESSON}/{name}/autograde")
        except Exception as exc:  # dan's and eve's submissions must not have been collected
            autograde_errors[name] = str(exc)[:500]
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
                submitted=submitted, planted=planted, autograde_errors=autograde_errors,
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


HOSTILE = r"""
import glob, json, os, socket
_seen = {{}}
def _try(what, fn):
    try:
        fn()
        _seen[what] = "reached"
    except Exception as e:
        _seen[what] = type(e).__name__
_try("the source notebook (hidden tests)", lambda: open({source!r}, "rb").read(1))
_try("the gradebook", lambda: open({gradebook!r}, "rb").read(1))
_try("another student's submission", lambda: open(glob.glob({others!r})[0], "rb").read(1))
_try("the course folder", lambda: os.listdir({course!r}))
_seen["tokens in its environment"] = sorted(k for k in os.environ if "TOKEN" in k.upper() or k.startswith(("JUPYTERHUB_", "JPY_API")))
_found = []
for _p in glob.glob("/proc/[0-9]*/environ"):
    try:
        if b"TOKEN" in open(_p, "rb").read():
            _found.append(_p)
    except OSError:
        pass
_seen["tokens in any process"] = _found
for _port in {ports!r}:
    _s = socket.socket()
    _s.settimeout(3)
    _try(f"127.0.0.1:{{_port}}", lambda: _s.connect(("127.0.0.1", _port)))
print("HOSTILE-PROBE " + json.dumps(_seen))
"""


def hostile(released: dict, spec) -> dict:
    """The released notebook whose first answer cell probes for what the grading sandbox must hide."""
    nb = copy.deepcopy(released)
    cell = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("solution"))
    course = spec.course_dir
    cell["source"] = HOSTILE.format(
        source=str(course / "source" / LESSON / NOTEBOOK), gradebook=str(course / "gradebook.db"),
        others=str(course / "submitted" / "*" / LESSON / NOTEBOOK), course=str(course),
        ports=[spec.port, spec.hub_port, spec.service_port]) + "\n" + "".join(cell["source"])
    return nb


PLANT = """
import datetime, os, secrets, sys
inbound, student, lesson, target, how = sys.argv[1:]
stamp = (datetime.datetime.utcnow() + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
dest = os.path.join(inbound, f"{student}+{lesson}+{stamp}+planted")
os.mkdir(dest)
open(os.path.join(dest, "timestamp.txt"), "w").write(stamp)
open(os.path.join(dest, "submission_secret.txt"), "w").write(secrets.token_hex(64))
link = os.path.join(dest, lesson + ".ipynb")
try:
    os.symlink(target, link) if how == "symlink" else os.link(target, link)
    print("made", dest)
except PermissionError:
    print("refused", dest)
"""


def check_students_see_and_fetch_the_release(cycle):
    listed = cycle["listed"]
    assert listed["success"], listed
    released = [a for a in listed["value"] if a["status"] == "released"]
    assert [(a["course_id"], a["assignment_id"]) for a in released] == [("nnlab", LESSON)], listed
    for name in cycle["spec"].students[:3]:
        assert Path("/home", name, "nnlab", LESSON, NOTEBOOK).owner() == name


def check_students_validate_in_their_own_kernel(cycle):
    """Validate runs the lesson in a kernel of ana's own server, as ana, with labkit: all checks pass."""
    assert cycle["validated"] == {"success": True, "value": {}}, str(cycle["validated"])[:3000]


def check_grades_the_later_submission_counts_and_forgery_is_ignored(cycle):
    spec, grades = cycle["spec"], cycle["grades"]
    ana, ben, cleo = spec.students[:3]
    assert set(grades) - set(spec.students[3:]) == {ana, ben, cleo}, grades
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
    ana, ben, cleo = spec.students[:3]
    text = {name: _text(files[0]["content"]) for name, files in feedback.items() if files}
    for name in (ana, ben, cleo):
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
    ana, ben = spec.students[:2]
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
    ana, ben = spec.students[:2]
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
            for name in spec.students[:3]:
                row = teacher.locator("tr", has=teacher.locator(".student-id", has_text=name))
                row.locator(".score").filter(has_text="/").wait_for(timeout=60_000)
                scores[name] = row.locator(".score").inner_text().strip()
            teacher.screenshot(path=str(shots / "formgrader-instructor.png"), full_page=True)
            expected = {name: f"{grades[name]['score']:g} / {grades[name]['max_score']:g}" for name in spec.students[:3]}
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


def check_misconception_report_is_served_to_the_instructor_only(cycle):
    """Issue 23: the course service serves the misconception report of the class it autograded
    (jupyter-config/nnlab_report.py), to the instructor; a student is refused."""
    spec, course = cycle["spec"], cycle["spec"].course_id
    ana, ben, cleo = spec.students[:3]
    r = cycle["teacher"].get(f"/services/{course}/nnlab/report?lesson={LESSON}")
    assert r.status_code == 200, (r.status_code, r.text[:500])
    page = r.text
    assert "<h1>Misconception report</h1>" in page and f"id='{LESSON}'" in page, page[:1000]
    assert re.search(r"<b>1 of \d+</b> students passed", page), page[:3000]  # ana: the solutions
    assert ben in page and cleo in page and "not done" in page, page[:3000]  # blank notebooks, named
    csv_text = cycle["teacher"].get(f"/services/{course}/nnlab/report.csv?lesson={LESSON}").text
    assert csv_text.startswith("lesson,exercise,students,passed") and LESSON in csv_text, csv_text[:300]
    assert "formgrader/static" not in page  # the page is self-contained
    refused = cycle["students"][ben].get(f"/services/{course}/nnlab/report?lesson={LESSON}")
    assert refused.status_code in (403, 404) and ana not in refused.text, refused.status_code


def check_symlinked_and_hard_linked_submissions_are_refused_and_score_nothing(cycle):
    """dan's notebook is a symbolic link, eve's a hard link, to the grader's source notebook (the solutions).

    Before: collect copied as the grader, following the link, and both scored full marks.
    """
    spec, grades, log = cycle["spec"], cycle["grades"], cycle["collect_log"]
    dan, eve = spec.students[3:]
    for name, reason in ((dan, "symbolic link"), (eve, "hard link")):
        score = (grades.get(name) or {}).get("score")
        assert not score, f"{name}'s planted {reason} to the source notebook scored {score}: {grades.get(name)}"
        lines = [line for line in log.splitlines() if cycle["planted"][name].name in line]
        assert any("Refused submission" in line and reason in line for line in lines), (
            f"collect did not refuse {name}'s submission (a {reason}) with a log line naming it and why:\n{log}")
        assert not (spec.course_dir / "submitted" / name / LESSON).exists(), f"{name}'s planted submission was collected"
    # the grader's source notebook is untouched (a hard link shares it)
    source = spec.course_dir / "source" / LESSON / NOTEBOOK
    assert source.stat().st_uid == Path(spec.course_dir).stat().st_uid


def check_a_hostile_answer_under_autograde_finds_nothing(cycle):
    """ben's first answer, run by the formgrader's Autograde button, finds no hidden test, gradebook,
    other submission, course folder, token or network (the grading sandbox of grading/)."""
    spec = cycle["spec"]
    ben = spec.students[1]
    graded = nbformat.read(spec.course_dir / "autograded" / ben / LESSON / NOTEBOOK, as_version=4)
    texts = [o.get("text", "") for c in graded.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    probe = next((t for t in texts if "HOSTILE-PROBE " in t), None)
    assert probe, f"the hostile answer left no report in ben's autograded notebook: {[t[:200] for t in texts]}"
    seen = json.loads(probe.split("HOSTILE-PROBE ", 1)[1].splitlines()[0])
    reached = {k: v for k, v in seen.items() if v == "reached" or (isinstance(v, list) and v)}
    assert not reached, f"a student's answer under Autograde reached: {reached}"


TOKEN_PROBE = r"""
import json, os, urllib.error, urllib.request
api = {api!r}
names = sorted(k for k in os.environ if "TOKEN" in k.upper() or k.startswith(("JUPYTERHUB_", "JPY_API")))
found = {{k: os.environ[k] for k in names}}
try:
    raw = open(f"/proc/{{os.getppid()}}/environ", "rb").read().decode(errors="replace")
    server = dict(x.split("=", 1) for x in raw.split("\0") if "=" in x)
    found.update({{"server " + k: v for k, v in server.items() if "TOKEN" in k.upper()}})
    server_env = "readable"
except OSError as e:
    server_env = type(e).__name__
codes = {{}}
for k, v in found.items():
    req = urllib.request.Request(api + "/users", headers={{"Authorization": "token " + v}})
    try:
        codes[k] = urllib.request.urlopen(req, timeout=10).status
    except urllib.error.HTTPError as e:
        codes[k] = e.code
    except Exception as e:
        codes[k] = repr(e)
print(json.dumps({{"names": names, "server_env": server_env, "list_users": codes}}))
"""


def _probe_tokens(who, base, api) -> dict:
    kernel = hh.Kernel(who, base)
    try:
        out = kernel.run(TOKEN_PROBE.format(api=api))
    finally:
        kernel.close()
    assert out["error"] is None, out
    return json.loads(out["stdout"])


def check_no_kernel_holds_a_hub_token(cycle):
    """A student's kernel, the Validate button's kernel and the course service's kernel: no token, nothing to list users with.

    Before: every kernel inherited JUPYTERHUB_API_TOKEN and JPY_API_TOKEN from its server; the
    course service's could list the hub's users (HTTP 200).
    """
    spec, hub = cycle["spec"], cycle["hub"]
    api = f"http://127.0.0.1:{spec.hub_port}/hub/api"
    ana = cycle["students"][spec.students[0]]
    seen = {"ana's kernel": _probe_tokens(ana, ana.server(""), api),
            "the course service's kernel": _probe_tokens(cycle["teacher"], f"/services/{spec.course_id}", api)}
    for where, got in seen.items():
        assert got["names"] == [], f"{where} holds {got['names']}"
        assert got["server_env"] != "readable", f"{where} can read its server's environment"
        assert not any(code == 200 for code in got["list_users"].values()), f"{where} listed users: {got}"
    # The Validate button runs its own kernel (nbgrader validate inside ana's server).
    probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import os\nleaked = sorted(k for k in os.environ if 'TOKEN' in k.upper() or k.startswith(('JUPYTERHUB_', 'JPY_API')))\n"
        "assert not leaked, f'the kernel holds {leaked}'")])
    r = ana.put(ana.server("/api/contents/token_probe.ipynb"), json={"type": "notebook", "format": "json",
                                                                     "content": probe})
    assert r.status_code in (200, 201), r.text
    validated = ana.post(ana.server("/assignments/validate"), data={"path": "token_probe.ipynb"}).json()
    assert "the kernel holds" not in json.dumps(validated), f"Validate's kernel holds a token: {str(validated)[:2000]}"
    assert validated.get("success"), str(validated)[:2000]
    # ... and the servers themselves still hold their token: they report activity to the hub
    # (what the idle culler goes by) and nbgrader's exchange asks the hub for the courses.
    log = hub.log_path.read_text(errors="replace")
    refused = [line for line in log.splitlines() if "Error notifying Hub of activity" in line
               or re.search(r"403 POST /hub/api/users/[^/ ]+/activity", line)]
    assert not refused, f"servers could not report activity: {refused[:3]}"
    assert re.search(r" 200 POST /hub/api/users/[^/ ]+/activity", log), "no server reported activity to the hub"


def check_course_service_token_has_the_fewest_scopes(cycle):
    """The course service's own token (read as root) cannot list users, and nbgrader's group updates still work."""
    spec, hub = cycle["spec"], cycle["hub"]
    pid = hh.server_pid(spec.grader)
    assert pid, "the course service is not running"
    token = hh.environ_of(pid)["JUPYTERHUB_API_TOKEN"]
    api = f"http://127.0.0.1:{spec.hub_port}/hub/api"
    import requests

    def get(path):
        return requests.get(api + path, headers={"Authorization": f"token {token}"}, timeout=30).status_code

    assert get("/users") == 403, "the course service's token lists the hub's users"
    assert get(f"/users/{spec.students[0]}") in (403, 404), "the course service's token reads a student's record"
    assert get("/groups") == 200 and get(f"/groups/nbgrader-{spec.course_id}") == 200
    log = hub.log_path.read_text(errors="replace")
    assert "NOT added to the Jupyterhub group" not in log and "Not able to get Jupyterhub user" not in log, \
        [line for line in log.splitlines() if "Jupyterhub" in line][-5:]


def _cgroup_dirs(spec, name) -> dict[str, Path]:
    """Where the CgroupSpawner keeps ``name``'s cgroup: <hub's cgroup>/nnlab/<name> in each hierarchy."""
    import nnlab_spawner

    version, dirs = nnlab_spawner.find_hierarchy()
    return {c: d / "nnlab" / name for c, d in dirs.items()}


def check_each_server_runs_in_its_own_cgroup_with_the_limits(cycle):
    """Every student's server and its kernels are in <hub>/nnlab/<student> with the class file's limits."""
    spec = cycle["spec"]
    for name in spec.students[:3]:
        pid = hh.server_pid(name)
        assert pid, f"{name}'s server is not running"
        dirs = _cgroup_dirs(spec, name)
        for pid_ in hh.processes_of(name):  # the server and every kernel it started
            where = hh.cgroup_of(pid_)
            for controller, folder in dirs.items():
                assert folder.as_posix().endswith(where[controller]), (
                    f"process {pid_} of {name} is in {controller} cgroup {where[controller]}, not {folder}")
        if "memory" in dirs:  # cgroup v1
            assert int((dirs["memory"] / "memory.limit_in_bytes").read_text()) == spec.memory_bytes
            assert int((dirs["cpu"] / "cpu.shares").read_text()) == spec.cpu_weight * 1024 // 100
            assert int((dirs["pids"] / "pids.max").read_text()) == spec.pids_limit
        else:
            d = dirs[""]
            assert int((d / "memory.max").read_text()) == spec.memory_bytes
            assert int((d / "cpu.weight").read_text()) == spec.cpu_weight
            assert int((d / "pids.max").read_text()) == spec.pids_limit


BURN = """
import os, time
children = []
for _ in range(3):
    pid = os.fork()
    if pid == 0:
        end = time.time() + {seconds}
        while time.time() < end:
            pass
        os._exit(0)
    children.append(pid)
end = time.time() + {seconds}
while time.time() < end:
    pass
for pid in children:
    os.waitpid(pid, 0)
print("burned")
"""
SMALL_CELL = "print(sum(i * i for i in range(300_000)))"


def check_a_small_cell_completes_next_to_a_cpu_bound_neighbour(cycle):
    """ben burns 4 processes for 12 s; ana's small cell still completes (its latency is printed, not asserted)."""
    spec, students = cycle["spec"], cycle["students"]
    ana, ben = (students[n] for n in spec.students[:2])
    k_ana, k_ben = hh.Kernel(ana, ana.server("")), hh.Kernel(ben, ben.server(""))
    try:
        quiet = [k_ana.run(SMALL_CELL)["seconds"] for _ in range(3)]
        burning = k_ben.send(BURN.format(seconds=12))
        time.sleep(2)
        in_ben = len(hh.cgroup_procs(_cgroup_dirs(spec, ben.name)))
        busy = []
        for _ in range(3):
            out = k_ana.run(SMALL_CELL, timeout=60)
            assert out["error"] is None and out["stdout"], out
            busy.append(out["seconds"])
        done = k_ben.wait(burning, timeout=120)
        assert done["stdout"] == "burned", done
    finally:
        k_ana.close()
        k_ben.close()
    latency = {"quiet_s": [round(x, 3) for x in quiet], "next_to_4_busy_processes_s": [round(x, 3) for x in busy],
               "processes_in_ben_cgroup": in_ben}
    print(f"small cell latency: {latency}")
    _artifact("cpu_share_latency.json", latency)
    assert in_ben >= 5, f"ben's busy processes are not in his cgroup ({in_ben} there)"


def _artifact(name, data) -> None:
    out = hh.REPO / "test-artifacts" / "hub"
    out.mkdir(parents=True, exist_ok=True)
    (out / name).write_text(json.dumps(data, indent=1))


FORK_BOMB = """
import subprocess
procs, stopped = [], None
try:
    for _ in range({attempts}):
        procs.append(subprocess.Popen(["sleep", "120"]))
except OSError as e:
    stopped = f"{{type(e).__name__}}: {{e}}"
started = len(procs)
for p in procs:
    p.kill()
for p in procs:
    p.wait()
print(started, stopped)
"""


def check_a_fork_bomb_stays_inside_its_process_limit(cycle):
    """cleo starts processes until fork fails: fewer than pids_limit, and the others' servers keep answering."""
    spec, students = cycle["spec"], cycle["students"]
    cleo = students[spec.students[2]]
    kernel = hh.Kernel(cleo, cleo.server(""))
    try:
        out = kernel.run(FORK_BOMB.format(attempts=2 * spec.pids_limit + 100), timeout=180)
    finally:
        kernel.close()
    assert out["error"] is None, out
    started, stopped = out["stdout"].split(" ", 1)
    assert int(started) < spec.pids_limit and stopped != "None", (
        f"cleo started {started} processes (limit {spec.pids_limit}); fork stopped with {stopped}")
    for name in spec.students[:2]:
        s = students[name]
        assert s.get(s.server("/api/status")).status_code == 200, f"{name}'s server stopped answering"


MEMORY_BOMB = """
chunks = []
while sum(map(len, chunks)) < {target}:
    chunks.append(b"x" * (64 << 20))
print("survived", sum(map(len, chunks)) >> 20, "MiB")
"""


def check_a_memory_bomb_kills_only_its_own_kernel(cycle):
    """ana allocates past her memory limit: her kernel is killed, her server and the others' keep answering.

    The bomb stops at 1.5 x the limit + 256 MiB, so that without a limit it ends (and the test
    fails) instead of exhausting the machine.
    """
    spec, students = cycle["spec"], cycle["students"]
    ana = students[spec.students[0]]
    server = hh.server_pid(ana.name)
    dirs = _cgroup_dirs(spec, ana.name)
    kernel = hh.Kernel(ana, ana.server(""))
    try:
        out = kernel.run(MEMORY_BOMB.format(target=int(spec.memory_bytes * 1.5) + (256 << 20)), timeout=180)
    finally:
        try:
            kernel.close()
        except Exception:
            pass
    assert out["died"] and "survived" not in out["stdout"], f"ana's memory bomb was not stopped: {out}"
    assert not Path(f"/proc/{kernel.pid}").exists(), f"the bomb's kernel (pid {kernel.pid}) lives on"
    assert hh.server_pid(ana.name) == server, "ana's server itself was killed (only the kernel should be)"
    for name in spec.students[:3]:
        s = students[name]
        assert s.get(s.server("/api/status")).status_code == 200, f"{name}'s server stopped answering"
    if "memory" in dirs:
        oom = dict(line.split() for line in (dirs["memory"] / "memory.oom_control").read_text().splitlines())
        assert int(oom.get("oom_kill", 1)) >= 1, oom
    else:
        events = dict(line.split() for line in (dirs[""] / "memory.events").read_text().splitlines())
        assert int(events["oom_kill"]) >= 1, events


def check_idle_servers_are_culled_and_their_cgroups_removed(cycle):
    """The hub runs jupyterhub-idle-culler with the class file's timeout; idle servers are stopped.

    The culler service's own command and token, with the timeout shortened to 10 s (the class's
    is an hour), stops every student's server, and each server's cgroup is removed with it.
    """
    import subprocess

    spec, hub, students = cycle["spec"], cycle["hub"], cycle["students"]
    pid = hh.service_pid(hub, b"jupyterhub_idle_culler")
    assert pid, "no idle culler runs as a hub service (jupyterhub-idle-culler)"
    argv = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")[:-1]
    assert f"--timeout={spec.cull_idle_timeout}" in argv and f"--cull-every={spec.cull_every}" in argv, argv
    env = hh.environ_of(pid)
    short = [a for a in argv if not a.startswith(("--timeout", "--cull-every"))] + ["--timeout=10", "--cull-every=5"]
    culler = subprocess.Popen(short, env={k: env[k] for k in env if k.startswith("JUPYTERHUB_")} | {"PATH": "/usr/bin:/bin"},
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 150
        running = set(spec.students[:3])
        while running and time.monotonic() < deadline:
            time.sleep(3)
            running = {n for n in running if students[n].get(f"/hub/api/users/{n}").json().get("servers")}
    finally:
        culler.terminate()
        try:
            out = culler.communicate(timeout=20)[0]
        except subprocess.TimeoutExpired:
            culler.kill()
            out = culler.communicate()[0]
    assert not running, f"not culled in 150 s: {sorted(running)}; culler said:\n{out[-3000:]}"
    time.sleep(2)
    for name in spec.students[:3]:
        left = [p for p in _cgroup_dirs(spec, name).values() if p.exists()]
        assert not left, f"{name}'s cgroup is still there after the server stopped: {left}"
        assert not hh.processes_of(name), f"{name} still has processes: {hh.processes_of(name)}"


CHECKS = [
    check_students_see_and_fetch_the_release,
    check_students_validate_in_their_own_kernel,
    check_grades_the_later_submission_counts_and_forgery_is_ignored,
    check_each_student_fetches_only_their_own_feedback,
    check_exchange_permissions_seen_from_another_student,
    check_hub_permissions_seen_from_another_student,
    check_formgrader_in_chromium_instructor_sees_scores_student_refused,
    check_misconception_report_is_served_to_the_instructor_only,
    check_symlinked_and_hard_linked_submissions_are_refused_and_score_nothing,
    check_a_hostile_answer_under_autograde_finds_nothing,
    check_no_kernel_holds_a_hub_token,
    check_course_service_token_has_the_fewest_scopes,
    check_each_server_runs_in_its_own_cgroup_with_the_limits,
    check_a_small_cell_completes_next_to_a_cpu_bound_neighbour,
    check_a_fork_bomb_stays_inside_its_process_limit,
    check_a_memory_bomb_kills_only_its_own_kernel,
    check_idle_servers_are_culled_and_their_cgroups_removed,  # last: it stops the servers
]


@pytest.mark.timeout(1500)  # ~5 min on a 2-core machine (limits, culling, teardown of the class environment included)
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
