"""The grader survives broken and hostile submissions (lesson 00, the quickest), graded as one class.

One batch through ``course.collect`` + ``course.autograde_batch`` (2 workers, the sandbox
of grading/sandbox.py) holds two clean students and one student per attack of issue 14.
Every hostile student answers wrongly (blank answers) unless the attack needs the real
answers, so a tampering trick that worked would show up as points. Each test below reads
that one graded class: the verdict and reason, the scores, the autograded notebook, the
feedback, the gradebook and the files of the other students.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import textwrap
from pathlib import Path

import nbformat
import pytest

import course
import sandbox
import selftest
from grading_helpers import LoopbackServer, blank

# One class of ~20 kernels on 2 workers: a few minutes on an idle 2-core machine; room for a busy one.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hostile"), pytest.mark.timeout(2400)]
LESSON = "00_welcome"
# Generous times: lesson 00 must finish even on a busy machine (the whole-notebook limit is
# tested with tiny notebooks in test_sandbox.py).
LIMITS = sandbox.Limits(cell_timeout=60, notebook_timeout=300, memory_mb=3072, processes=128, output_kb=256,
                        total_output_kb=1024)
ANSWER_IDS = ("mean_of", "dot")
TEST_IDS = ("mean_of_tests", "dot_tests")


def source():
    return nbformat.read(course.lesson_notebook(LESSON), as_version=4)


def exercises():
    return selftest.exercises(source())




def with_code_first(code, answers=False):
    """The lesson with ``code`` as an extra cell right after the imports (answers blank unless ``answers``)."""
    nb = source() if answers else blank(source())
    nb.cells.insert(3, nbformat.v4.new_code_cell(textwrap.dedent(code)))
    return nb


def in_first_answer(code, answers=False):
    """``code`` appended to the first answer cell."""
    nb = source() if answers else blank(source())
    first = selftest.exercises(nb)[0]
    nb.cells[first.answer_index].source += "\n" + textwrap.dedent(code)
    return nb




HISTORY_DUMP = """
import linecache, os, sys, traceback
ip = get_ipython()
print("\\n".join(In))
print("\\n".join(_ih), Out, _oh, _i, _ii, _iii, sep="\\n")
for row in ip.history_manager.get_range(raw=True):
    print(row[-1])
for name, entry in list(linecache.cache.items()):
    if len(entry) > 2 and not os.path.exists(name):
        print("".join(entry[2]))
if getattr(sys, "last_traceback", None) is not None:
    print("".join(traceback.format_tb(sys.last_traceback)))
print("HISTORY-DUMPED")
"""


def hostile_class(root: Path, port: int) -> dict[str, object]:
    """student -> notebook (or raw text, or a callable that fills the folder)."""
    grading_file = course.GRADING / "course.py"
    gradebook = root / "gradebook.db"
    other = root / "submitted" / "good" / LESSON / f"{LESSON}.ipynb"
    spy = f"""
    import os
    for p in [{str(gradebook)!r}, {str(course.lesson_notebook(LESSON))!r}, {str(other)!r}, {str(grading_file)!r},
              {str(root)!r}, {str(course.NOTEBOOKS)!r}, "/root/.bash_history", "/root/.ssh", "/home"]:
        try:
            if os.path.isdir(p):
                print("LEAK", p, os.listdir(p)[:3])
            else:
                print("LEAK", p, open(p, "rb").read(40))
        except OSError as e:
            print("blocked", p, type(e).__name__)
    """
    vandal = f"""
    import os, subprocess
    for p in [{str(gradebook)!r}, {str(other)!r}, {str(grading_file)!r}, {str(root / 'feedback' / 'good' / 'x.html')!r},
              {str(root / 'autograded' / 'good' / LESSON / (LESSON + '.ipynb'))!r}]:
        try:
            open(p, "w").write("vandalised")
            print("WROTE", p)
        except OSError as e:
            print("blocked", p, type(e).__name__)
    startup = os.path.expanduser("~/.ipython/profile_default/startup")
    os.makedirs(startup, exist_ok=True)
    open(os.path.join(startup, "00-evil.py"), "w").write("import labkit.checks as c; c.check_close = lambda *a, **k: None")
    subprocess.Popen(["sleep", "600"], start_new_session=True)
    if os.fork() == 0:
        os.setsid()
        import time
        time.sleep(600)
        os._exit(0)
    """
    hook_result = """
    ip = get_ipython()
    def _fake(info):
        ip.displayhook(1.0)
    ip.events.register("pre_run_cell", _fake)
    """
    transformer = """
    def _neuter(lines):
        text = "".join(lines)
        return ["pass\\n"] if "check_" in text else lines
    get_ipython().input_transformers_cleanup.append(_neuter)
    """
    ast_transformer = """
    import ast
    class _Nothing(ast.NodeTransformer):
        def visit_Module(self, node):
            node.body = [ast.Pass()] if any("check" in ast.dump(n) for n in node.body) else node.body
            return node
    get_ipython().ast_transformers.append(_Nothing())
    """
    swallow = """
    get_ipython().set_custom_exc((BaseException,), lambda *args, **kwargs: None)
    """
    patched_helpers = """
    import labkit.checks
    labkit.checks.check_close.__code__ = (lambda *a, **k: None).__code__
    check_close = lambda *a, **k: None
    check_callable = lambda *a, **k: None
    """
    patched_builtins = """
    import builtins
    builtins.abs = lambda x: 0
    builtins.AssertionError = type("AssertionError", (Exception,), {})
    """
    always_equal = """
    class Anything(float):
        def __eq__(self, other): return True
        def __ne__(self, other): return False
        def __lt__(self, other): return True
        def __gt__(self, other): return True
        def __le__(self, other): return True
        def __ge__(self, other): return True
        __hash__ = float.__hash__
    def mean_of(values):
        return Anything(0)
    def dot(a, b):
        return Anything(0)
    """
    network = f"""
    import socket
    try:
        socket.create_connection(("127.0.0.1", {port}), timeout=2)
        print("NET-REACHED")
    except OSError as e:
        print("no network", e)
    """
    exfiltrate = """
    print("\\n".join(In))
    print(open(__import__("inspect").getfile(lambda: 0)).read() if False else "")
    """

    def shadow(folder: Path):
        nbformat.write(blank(source()), folder / f"{LESSON}.ipynb")
        (folder / "labkit").mkdir()
        (folder / "labkit" / "__init__.py").write_text("raise SystemExit('shadowed labkit')\n")
        (folder / "labkit.py").write_text("raise SystemExit('shadowed labkit')\n")
        (folder / "ipykernel_launcher.py").write_text("import os; os._exit(0)\n")
        (folder / "numpy.py").write_text("allclose = isclose = lambda *a, **k: True\n")

    def symlinked(folder: Path):
        (folder / f"{LESSON}.ipynb").symlink_to(other)

    duplicated = source()
    for cell in duplicated.cells:
        if "nbgrader" in cell.metadata:
            cell.metadata.nbgrader["schema_version"] = 99
    first = selftest.exercises(duplicated)[0]
    duplicated.cells.insert(first.answer_index, nbformat.from_dict(nbformat.v4.new_code_cell(
        "x = 1", metadata={"nbgrader": {"grade": True, "solution": False, "grade_id": first.check_ids[0],
                                        "points": 50, "locked": False, "schema_version": 3}})))
    tampered = blank(source())
    for e in selftest.exercises(tampered):
        for i in e.check_indices:
            tampered.cells[i].source = "pass  # checks 'fixed' by the student"
    deleted = source()
    deleted.cells = [c for i, c in enumerate(deleted.cells) if i not in selftest.exercises(deleted)[0].check_indices]
    greedy = with_code_first("""
        import subprocess
        started = []
        try:
            for _ in range(400):
                started.append(subprocess.Popen(["sleep", "600"]))
        except OSError as e:
            print("stopped at", len(started), type(e).__name__)
        for p in started:
            p.kill()
            p.wait()
        """, answers=True)
    greedy.cells.insert(3, nbformat.v4.new_code_cell("print('x' * 200_000_000)"))
    deaf_loop = source()
    deaf_loop.cells[selftest.exercises(deaf_loop)[-1].answer_index].source = (
        "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass")
    script = source()
    script.cells.insert(3, nbformat.v4.new_markdown_cell("<script>alert('md')</script><img src=x onerror=\"alert('img')\">"))
    script.cells.insert(4, nbformat.v4.new_code_cell(
        "from IPython.display import HTML, Javascript, display\n"
        "display(HTML(\"<script>alert('html')</script><b onmouseover=\\\"alert('hover')\\\">bold</b>\"))\n"
        "display(Javascript(\"alert('js')\"))"))
    history = source()  # right answers; the last answer prints all the kernel remembers of earlier cells
    history.cells[selftest.exercises(history)[-1].answer_index].source += "\n" + textwrap.dedent(HISTORY_DUMP)
    stale = source()  # right answers under 50 MB of old outputs
    stale.cells[4].outputs = [nbformat.v4.new_output("stream", name="stdout", text="stale " * 9_000_000)]
    sleeper = source()  # four cells each just under the cell limit: about four minutes without a notebook cap
    for _ in range(4):
        sleeper.cells.insert(3, nbformat.v4.new_code_cell("import time\ntime.sleep(55)"))
    return {
        "history": history, "stale_outputs": stale, "sleeper": sleeper,
        "good": source(), "good2": source(),
        "broken": "{ this is not a notebook",
        "binary": b"\xff\xfe\x00garbage",
        "symlink": symlinked,
        "shadow": shadow,
        "tamper": tampered,
        "deleted": deleted,
        "killer": in_first_answer("import os\nos._exit(1)"),
        "parent_killer": in_first_answer("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"),
        "intruder": with_code_first(spy + vandal + network, answers=True),
        "hook_result": with_code_first(hook_result),
        "transformer": with_code_first(transformer),
        "ast_transformer": with_code_first(ast_transformer),
        "swallow": with_code_first(swallow),
        "patched_helpers": with_code_first(patched_helpers),
        "patched_builtins": with_code_first(patched_builtins),
        "always_equal": in_first_answer(always_equal),
        "memory": in_first_answer("import numpy as np\nx = np.ones(2 ** 33)  # 64 GB"),
        "greedy": greedy,
        "deaf_loop": deaf_loop,
        "leaky": (lambda nb: (nb.cells.append(nbformat.v4.new_code_cell(textwrap.dedent(exfiltrate))), nb)[1])(script),
        "odd_metadata": duplicated,
    }


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    root = base / "course"
    course.release([LESSON], root=root)
    server = LoopbackServer()
    incoming = base / "incoming"
    cases = hostile_class(root, server.port)
    for student, content in cases.items():
        folder = incoming / student / LESSON
        folder.mkdir(parents=True)
        if callable(content):
            content(folder)
        elif isinstance(content, bytes):
            (folder / f"{LESSON}.ipynb").write_bytes(content)
        elif isinstance(content, str):
            (folder / f"{LESSON}.ipynb").write_text(content)
        else:
            nbformat.write(content, folder / f"{LESSON}.ipynb")
    # the clean students' files, to check nothing touched them
    found = course.collect(incoming, root=root)
    assert sorted(found[LESSON]) == sorted(cases)
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest()
              for p in (root / "submitted").rglob("*") if p.is_file() and not p.is_symlink()}
    verdicts = course.autograde_batch([(LESSON, s) for s in cases], root=root, workers=2, limits=LIMITS)
    server.close()
    course.feedback(LESSON, root=root)
    return {"root": root, "verdicts": {v.student: v for v in verdicts}, "before": before,
            "connections": server.connections, "cases": cases}


def scores(g, student):
    return course.scores(LESSON, student, root=g["root"])


def outputs_text(g, student):
    nb = nbformat.read(g["root"] / "autograded" / student / LESSON / f"{LESSON}.ipynb", as_version=4)
    parts = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            parts.append(str(o.get("text", "")) + str(o.get("evalue", "")) + str(o.get("data", "")))
    return "\n".join(parts)


def earned(g, student):
    return {k: v for k, v in scores(g, student).items() if v[0] > 0}


def test_every_submission_gets_a_verdict_and_clean_students_keep_full_marks(graded):
    v = graded["verdicts"]
    assert set(v) == set(graded["cases"])
    for student in ("good", "good2"):
        assert v[student].status == "graded", v[student]
        assert all(s == top for s, top in scores(graded, student).values()), scores(graded, student)
    for path, digest in graded["before"].items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{path} was changed during grading"
    assert all(v[s].status in course.STATUSES for s in v)
    assert all(v[s].reason for s in v if v[s].status != "graded"), {s: v[s] for s in v if not v[s].reason}


def test_broken_files_are_unreadable_and_score_zero(graded):
    for student in ("broken", "binary", "symlink"):
        assert graded["verdicts"][student].status == "unreadable", graded["verdicts"][student]
        assert not earned(graded, student)


def test_rewritten_or_deleted_test_cells_do_not_help(graded):
    assert not earned(graded, "tamper")
    s = scores(graded, "deleted")
    assert s["mean_of_tests"][0] == 0 and s["dot_tests"][0] == s["dot_tests"][1], s


def test_files_shipped_beside_the_notebook_are_ignored(graded):
    assert graded["verdicts"]["shadow"].status == "graded", graded["verdicts"]["shadow"]
    assert not earned(graded, "shadow")
    assert not (graded["root"] / "submitted" / "shadow" / LESSON / "labkit.py").exists()


def test_dying_kernels_and_killed_runners_are_recorded(graded):
    for student in ("killer", "parent_killer"):
        v = graded["verdicts"][student]
        assert v.status == "killed", v
        assert not earned(graded, student)


def test_the_grading_host_is_out_of_reach(graded):
    text = outputs_text(graded, "intruder")
    assert "blocked" in text and "LEAK" not in text and "WROTE" not in text, text[:2000]
    assert (graded["root"] / "gradebook.db").read_bytes()[:6] == b"SQLite"
    # the startup file and the detached processes died with the sandbox: later students unaffected
    assert graded["verdicts"]["good2"].status == "graded"
    leftovers = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _uid(p) in {sandbox.slot_uid(0), sandbox.slot_uid(1)}]
    assert not leftovers, f"processes of the sandbox users still running: {leftovers}"
    assert graded["connections"] == 0
    assert "NET-REACHED" not in text and "no network" in text


def _uid(proc: Path) -> int:
    try:
        return proc.stat().st_uid
    except OSError:
        return -1


@pytest.mark.parametrize("student", ["hook_result", "transformer", "ast_transformer", "swallow",
                                     "patched_helpers", "patched_builtins", "always_equal"])
def test_tampering_with_the_kernel_scores_zero_and_is_flagged(graded, student):
    v = graded["verdicts"][student]
    assert not earned(graded, student), (student, scores(graded, student), v)
    assert v.status == "flagged", v
    assert "tamper" in v.reason or "review" in v.reason, v


def test_limits_memory_processes_output(graded):
    v = graded["verdicts"]
    assert v["memory"].status == "memory exceeded", v["memory"]
    text = outputs_text(graded, "greedy")
    assert "stopped at" in text, text[-500:]
    assert int(text.split("stopped at")[1].split()[0]) < LIMITS.processes
    nb_path = graded["root"] / "autograded" / "greedy" / LESSON / f"{LESSON}.ipynb"
    assert nb_path.stat().st_size < 3 * 2**20, nb_path.stat().st_size
    html = graded["root"] / "feedback" / "greedy" / LESSON / f"{LESSON}.html"
    assert html.stat().st_size < 8 * 2**20
    assert all(s == top for s, top in scores(graded, "greedy").values())


def test_a_loop_deaf_to_interrupts_is_cut_off_and_the_rest_graded(graded):
    v = graded["verdicts"]
    assert v["deaf_loop"].status == "timed out", v["deaf_loop"]
    s = scores(graded, "deaf_loop")
    assert s["mean_of_tests"][0] == 1 and s["dot_tests"][0] == 0, s


def test_student_html_and_script_are_neutralised(graded):
    root = graded["root"]
    nb = nbformat.read(root / "autograded" / "leaky" / LESSON / f"{LESSON}.ipynb", as_version=4)
    shown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    shown += [str(o.get("data", "")) for c in nb.cells for o in c.get("outputs", [])]
    for text in shown:
        for live in ("<script", "onerror", "onmouseover", "application/javascript", "alert("):
            assert live not in text, f"the autograded notebook still holds {live}: {text[:300]}"
    html = (root / "feedback" / "leaky" / LESSON / f"{LESSON}.html").read_text()
    for live in ("<script>alert", "<b onmouseover", 'onerror="alert'):  # (escaped source text may quote them)
        assert live not in html, f"the feedback still holds live {live}"
    assert "bold" in html  # harmless HTML is kept


def test_feedback_never_shows_hidden_tests(graded):
    html = (graded["root"] / "feedback" / "leaky" / LESSON / f"{LESSON}.html").read_text()
    for line in ("assert abs(mean_of(_v) - float(np.mean(_v))) < 1e-12",
                 "_a = _rng.normal(size=_n).tolist(); _b = _rng.normal(size=_n).tolist()"):
        assert line not in html and line.replace("<", "&lt;") not in html
    assert "print(" in html  # the student's own cell is still shown


def test_odd_metadata_is_graded_not_fatal(graded):
    """A grade id used twice and an unknown schema version: graded, and the fake cell earns nothing."""
    v = graded["verdicts"]["odd_metadata"]
    assert v.status == "graded", v
    assert "duplicated grade id" in v.reason and "schema version" in v.reason
    assert sum(s for s, _ in scores(graded, "odd_metadata").values()) <= 2


def test_input_history_holds_no_hidden_test(graded):
    """Test cells run outside the kernel's history, and their source leaves its line cache after them."""
    from feedback_filter import hidden_lines

    text = outputs_text(graded, "history")
    assert "HISTORY-DUMPED" in text and "def mean_of" in text, text[-2000:]  # the student's own cells are there
    hidden = hidden_lines(source())
    assert hidden
    shown = sorted(line for line in hidden if line in text)
    assert not shown, f"the last answer printed hidden-test lines from the kernel: {shown}"
    assert 'check_callable(globals(), "mean_of")' not in text, "a test cell's source stayed in the kernel"
    assert all(s == top for s, top in scores(graded, "history").values()), scores(graded, "history")
    v = graded["verdicts"]["history"]  # reading the kernel's history is flagged for review, scores kept
    assert v.status == "flagged" and "input history" in v.reason, v


def test_stale_outputs_are_cleared_before_the_size_limit(graded):
    submitted = graded["root"] / "submitted" / "stale_outputs" / LESSON / f"{LESSON}.ipynb"
    assert submitted.stat().st_size > 50 * 2**20 > course.MAX_NOTEBOOK_BYTES, submitted.stat().st_size
    v = graded["verdicts"]["stale_outputs"]
    assert v.status == "graded", v
    assert all(s == top for s, top in scores(graded, "stale_outputs").values()), scores(graded, "stale_outputs")
    assert "stale stale" not in outputs_text(graded, "stale_outputs")


def test_a_notebook_is_stopped_near_what_its_lesson_needs(graded):
    cap = course.notebook_limit(LESSON, LIMITS).notebook_timeout
    recorded = course.lesson_times()[LESSON]
    assert cap < 4 * 55 and cap <= max(course.TIME_FLOOR_S, course.TIME_FACTOR * recorded + course.TIME_MARGIN_S) + 1
    v = graded["verdicts"]["sleeper"]
    assert v.status == "timed out", v
    assert v.seconds < cap + 45, f"the sleeper held its slot {v.seconds} s; the notebook limit is {cap} s"
    assert "time limit" in v.reason, v


def test_export_and_report_give_status_and_reason(graded):
    root = graded["root"]
    path = course.export(root=root)
    assert path == root / "grades.csv"
    rows = {r["student_id"]: r for r in csv.DictReader(path.open()) if r["assignment"] == LESSON}
    assert set(rows) == set(graded["cases"])
    assert rows["good"]["status"] == "graded" and float(rows["good"]["score"]) == 2
    assert rows["broken"]["status"] == "unreadable" and "not a notebook" in rows["broken"]["reason"]
    assert rows["transformer"]["status"] == "flagged"
    report = (root / course.REPORT_FILE).read_text()
    assert "bubblewrap" in report or "WARNING" in report
    for student in graded["cases"]:
        assert f"| {student} |" in report
