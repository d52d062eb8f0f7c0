"""Plain ``nbgrader autograde``, in a course folder outside the repository, runs students' code in the sandbox.

What an instructor's own course (or the hub's grader course) runs: a folder holding
``nbgrader_config.py`` with the lines grading/README.md documents, ``source/<lesson>/``, and the
submissions; ``nbgrader generate_assignment`` and ``nbgrader autograde`` run there by the
grader, whose environment holds a hub token. One class of lesson 00 (the quickest) is graded
once; the tests read it:

* ``hostile`` (right answers) looks for the source notebook with its hidden tests, the
  gradebook, another student's submission, the course folder, tokens and secrets in its
  environment and in its parents', and the grading host's loopback; its last answer prints the
  kernel's input history, line cache and last exception;
* ``warns`` answers right but its functions write a UserWarning to stderr each time a test
  calls them (nbgrader's own scoring counts any stderr of a test cell as a failure);
* ``source``, ``blank`` and ``other``: the instructor's notebook, the release, a classmate.

The same submissions are graded by ``grading/course.py`` too: every path gives the same scores.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import nbformat
import pytest

import course
import selftest
from grading_helpers import LoopbackServer, blank

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("nbgrader_sandbox"), pytest.mark.timeout(900)]
LESSON = "00_welcome"
FAKE_TOKENS = {"JUPYTERHUB_API_TOKEN": "hubtoken-3f9a1c7e5d2b", "JPY_API_TOKEN": "jpytoken-8e1d4b6a2c9f",
               "NNLAB_SERVICE_SECRET": "servicesecret-5a7c2e9b1d3f"}
CONFIG_LINES = selftest.SANDBOX_CONFIG_LINES






def spy(root: Path, port: int) -> str:
    """An answer cell that reports every secret it can reach as a LEAK line."""
    targets = [root / "source" / LESSON / f"{LESSON}.ipynb", root / "gradebook.db",
               root / "submitted" / "other" / LESSON / f"{LESSON}.ipynb", root / "nbgrader_config.py", root,
               root / "source", root / "submitted", course.NOTEBOOKS / LESSON / f"{LESSON}.ipynb"]
    return textwrap.dedent(f"""
    import os, socket
    for p in {[str(t) for t in targets]!r}:
        try:
            print("LEAK", p, os.listdir(p)[:3] if os.path.isdir(p) else open(p, "rb").read(60))
        except OSError as e:
            print("blocked", p, type(e).__name__)
    for k, v in os.environ.items():
        if any(w in k.upper() for w in ("TOKEN", "SECRET", "JUPYTERHUB", "JPY_API", "PASSWORD")):
            print("LEAK env", k, v)
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                environ = open(f"/proc/{{pid}}/environ", "rb").read()
            except OSError:
                continue
            if b"TOKEN" in environ or b"SECRET" in environ:
                print("LEAK environ of process", pid)
    try:
        socket.create_connection(("127.0.0.1", {port}), timeout=2)
        print("LEAK network: reached the grader's loopback")
    except OSError as e:
        print("no network", type(e).__name__)
    """)


def history_probe(hidden: list[str]) -> str:
    """Code for a last answer cell: search the kernel's history, outputs, line cache and last exception
    for the hidden-test lines (given as hashes, so that the cell's own source does not hold them)."""
    import hashlib

    hashes = sorted({hashlib.sha256(line.encode()).hexdigest() for line in hidden})
    return textwrap.dedent(f"""
    import hashlib, linecache, os, sys, traceback
    ip = get_ipython()
    texts = [*map(str, In), *map(str, _ih), repr(Out), repr(_oh), str(_i), str(_ii), str(_iii)]
    texts += [str(row[-1]) for row in ip.history_manager.get_range(raw=True)]
    texts += [str(row[-1]) for row in ip.history_manager.get_range(raw=False)]
    texts += ["".join(entry[2]) for name, entry in list(linecache.cache.items())
              if len(entry) > 2 and not os.path.exists(name)]
    for name in ("last_value", "last_traceback"):
        value = getattr(sys, name, None)
        texts.append(repr(value))
        if name == "last_traceback" and value is not None:
            texts += traceback.format_tb(value)
    wanted = set({hashes!r})
    found = {{hashlib.sha256(line.strip().encode()).hexdigest() for text in texts for line in text.splitlines()}} & wanted
    print("HISTORY-SEARCHED", len(texts), "texts;", len(found), "hidden-test lines found")
    """)


def hidden_test_lines() -> list[str]:
    from feedback_filter import hidden_lines

    return sorted(hidden_lines(nbformat.read(course.lesson_notebook(LESSON), as_version=4)))


def submissions(root: Path, port: int) -> dict[str, nbformat.NotebookNode]:
    source = nbformat.read(course.lesson_notebook(LESSON), as_version=4)
    hostile = nbformat.read(course.lesson_notebook(LESSON), as_version=4)
    hostile.cells.insert(3, nbformat.v4.new_code_cell(spy(root, port)))
    last = selftest.exercises(hostile)[-1].answer_index
    hostile.cells[last].source += "\n" + history_probe(hidden_test_lines())
    warns = nbformat.read(course.lesson_notebook(LESSON), as_version=4)
    for e in selftest.exercises(warns):  # each function warns on stderr every time it is called
        cell = warns.cells[e.answer_index]
        name = e.grade_id
        cell.source += (f"\n\nimport warnings as _w\n_{name}_right = {name}\n"
                        f"def {name}(*args):\n"
                        f"    _w.warn_explicit('{name} was called: a library warning', UserWarning, 'lib.py', 1)\n"
                        f"    return _{name}_right(*args)\n")
    return {"source": source, "other": nbformat.read(course.lesson_notebook(LESSON), as_version=4),
            "blank": blank(nbformat.read(course.lesson_notebook(LESSON), as_version=4)), "hostile": hostile,
            "warns": warns}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("instructor")
    root = selftest.instructor_course(base / "course101", [LESSON], course_id="instructor101",
                                      sandbox_lines=CONFIG_LINES)
    server = LoopbackServer()
    cases = submissions(root, server.port)
    selftest.plain_nbgrader(root, "generate_assignment", LESSON)
    for student, nb in cases.items():
        folder = root / "submitted" / student / LESSON
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / f"{LESSON}.ipynb")
    proc = selftest.plain_nbgrader(root, "autograde", LESSON, env=FAKE_TOKENS)
    server.close()
    plain = {s: course.scores(LESSON, s, root=root) for s in cases}
    # The same submissions through the batch grader, in a course root of its own.
    batch_root = base / "batch"
    course.release([LESSON], root=batch_root)
    incoming = base / "incoming"
    for student, nb in cases.items():
        (incoming / student / LESSON).mkdir(parents=True)
        nbformat.write(nb, incoming / student / LESSON / f"{LESSON}.ipynb")
    course.collect(incoming, root=batch_root)
    course.autograde_batch([(LESSON, s) for s in cases], root=batch_root, workers=1)
    batch = {s: course.scores(LESSON, s, root=batch_root) for s in cases}
    return {"root": root, "plain": plain, "batch": batch, "log": proc.stdout + proc.stderr,
            "connections": server.connections}


def outputs(root: Path, student: str) -> str:
    nb = nbformat.read(root / "autograded" / student / LESSON / f"{LESSON}.ipynb", as_version=4)
    return "\n".join(str(o.get("text", "")) + str(o.get("evalue", "")) + str(o.get("data", ""))
                     for c in nb.cells for o in c.get("outputs", []))


def test_the_documented_config_lines_are_in_the_readme():
    readme = (course.GRADING / "README.md").read_text()
    documented = CONFIG_LINES.replace(repr(str(course.GRADING)), '"/path/to/nnlab/grading"')
    assert documented in readme, f"grading/README.md must show the config lines a course folder carries:\n{documented}"


def test_a_hostile_answer_finds_no_secret_and_its_score_lands_in_the_gradebook(graded):
    text = outputs(graded["root"], "hostile")
    leaks = [line for line in text.splitlines() if "LEAK" in line]
    assert not leaks, "plain nbgrader autograde let a submission reach:\n" + "\n".join(leaks[:20])
    assert "blocked" in text and "no network" in text, f"the spy cell did not run: {text[:1500]}"
    for value in FAKE_TOKENS.values():
        assert value not in text, f"the grader's token {value[:8]}... reached the submission"
    assert graded["connections"] == 0, "the submission connected to the grader's loopback"
    scores = graded["plain"]["hostile"]
    assert scores and all(s == top for s, top in scores.values()), f"right answers, yet scored {scores}"
    assert "sandboxed autograde of hostile" in graded["log"], graded["log"][-2000:]


def test_the_kernel_keeps_no_hidden_test_source(graded):
    """The last answer cell searched In, _ih, _i*, Out, the history database, the line cache and the
    last exception for lesson 00's hidden-test lines (which ran in the test cells before it)."""
    assert hidden_test_lines(), "lesson 00 has no hidden tests to look for"
    text = outputs(graded["root"], "hostile")
    found = re.findall(r"HISTORY-SEARCHED (\d+) texts; (\d+) hidden-test lines found", text)
    assert found, f"the history search did not run: {text[-1500:]}"
    assert int(found[0][0]) > 5 and found[0][1] == "0", f"hidden-test lines reachable from the kernel: {found[0]}"


def test_a_warning_on_stderr_is_not_a_failure(graded):
    text = outputs(graded["root"], "warns")
    assert "a library warning" in text, "the warning was not printed: the case tests nothing"
    scores = graded["plain"]["warns"]
    assert all(s == top for s, top in scores.values()), f"a passing test scored zero for a warning: {scores}"


def test_every_path_gives_the_same_scores(graded):
    assert graded["plain"] == graded["batch"], (graded["plain"], graded["batch"])
    assert all(s == top for s, top in graded["plain"]["source"].values())
    assert all(s == 0 for s, _ in graded["plain"]["blank"].values())


def test_each_step_refuses_to_run_without_the_other():
    """SaveSandboxGrades after nbgrader's own Execute, or SandboxExecute before nbgrader's SaveAutoGrades:
    a loud error, not an unsandboxed run or a warning scored as a failure."""
    from nbconvert.exporters import NotebookExporter
    from nbgrader.preprocessors import SaveAutoGrades

    import nbgrader_sandbox

    resources = {"nbgrader": {"db_url": "sqlite://", "assignment": LESSON, "student": "s", "notebook": LESSON}}
    with pytest.raises(nbgrader_sandbox.SandboxError, match="put SandboxExecute before it"):
        nbgrader_sandbox.SaveSandboxGrades().preprocess(nbformat.v4.new_notebook(), resources)
    exporter = NotebookExporter()
    exporter.register_preprocessor(nbgrader_sandbox.SandboxExecute)
    exporter.register_preprocessor(SaveAutoGrades)
    with pytest.raises(nbgrader_sandbox.SandboxError, match="needs SaveSandboxGrades after it"):
        execute = [pp for pp in exporter._preprocessors if isinstance(pp, nbgrader_sandbox.SandboxExecute)]
        execute[0].preprocess(nbformat.v4.new_notebook(), resources)
