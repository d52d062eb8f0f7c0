"""The misconception report: what a class got wrong, exercise by exercise, after autograding.

    python grading/course.py report [LESSON ...] [--out DIR] [--anonymous]     (make report)
    python grading/course.py name-mistake LESSON EXERCISE FINGERPRINT --name ... --why ... --hint ...

``report`` reads the course root (``grading/course/`` or ``--root``; on the hub the course service's
folder): the autograded notebooks (``autograded/<student>/<lesson>/<lesson>.ipynb``) and the
gradebook. Per lesson and exercise it counts the students who passed and breaks the failures
down by the recorded mistake the learner's checks recognised (the ``[behaviour <fp>: <mistake>]``
line labkit.exercises.diagnosis adds to a failed check's message under autograde); failures that
match no recorded mistake are grouped by their behaviour fingerprint (identical values on the
checks' probe inputs), largest group first, each with one representative answer (that student's
answer cell). It writes ``report/misconceptions.html`` (plots embedded) and the same data as CSV:
``report/misconceptions.csv`` (one row per group) and ``report/misconceptions_students.csv`` (one
row per student and exercise). Student ids appear in the instructor's report only: ``--anonymous``
leaves them out (and the per-student CSV is not written), for a page to share.

``name-mistake`` turns a group into a recorded wrong answer, ``grading/wrong_answers/<lesson>/
<exercise>/<file>.py``: the three header lines (mistake, why, hint) and the group's representative
answer. The next ``python grading/mistakes.py build LESSON`` adds its behaviour to the table that
the learners' checks use, so the next learner who makes it is told.

The formgrader links to the same page (``jupyter-config/nnlab_report.py``).
"""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

GRADING = Path(__file__).resolve().parent
MARKER = re.compile(r"\[behaviour ([0-9a-f]{16})(?::\s*([^\]\n]{1,200}))?\]")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")
MAX_ANSWER_CHARS = 6000

# How a failure is classified, in the order the report lists the kinds.
KINDS = ("mistake", "unknown", "shortcut", "not done", "error", "did not run")
KIND_LABELS = {"mistake": "recognised mistake", "unknown": "unrecognised behaviour", "shortcut": "used a shortcut",
               "not done": "not done", "error": "raised an error", "did not run": "did not run"}


@dataclass
class Outcome:
    """One student's result on one exercise."""

    lesson: str
    exercise: str
    student: str
    passed: bool
    kind: str = ""          # one of KINDS when not passed
    mistake: str = ""       # the recorded mistake's name (kind "mistake")
    fingerprint: str = ""   # the behaviour fingerprint of the first failed check, when it had one
    detail: str = ""        # the error's name (kind "error")
    answer: str = ""        # the answer cell's source


@dataclass
class Group:
    kind: str
    key: str                # the mistake's name, the fingerprint, or the error's name
    students: list[str] = field(default_factory=list)
    fingerprints: list[str] = field(default_factory=list)
    representative: str = ""
    why: str = ""
    hint: str = ""

    @property
    def count(self) -> int:
        return len(self.students)


@dataclass
class ExerciseReport:
    lesson: str
    exercise: str
    title: str
    students: int
    passed: int
    groups: list[Group]

    @property
    def failed(self) -> int:
        return self.students - self.passed


def _text(outputs: list) -> str:
    parts = []
    for out in outputs:
        if out.get("output_type") == "error":
            parts += [out.get("ename", ""), out.get("evalue", ""), *out.get("traceback", [])]
        elif out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
    return _ANSI.sub("", "\n".join(str(p) for p in parts))


def _errors(outputs: list) -> list[dict]:
    return [o for o in outputs if o.get("output_type") == "error"]


def _exercise_cells(nb) -> list[tuple[str, str, list]]:
    """[(answer grade_id, answer source, [test cells])] in notebook order (code exercises only)."""
    found: list[tuple[str, str, list]] = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {}) if cell.cell_type == "code" else {}
        if meta.get("solution") and not meta.get("grade"):
            found.append((meta.get("grade_id", ""), cell.source, []))
        elif meta.get("grade") and not meta.get("solution") and found:
            found[-1][2].append(cell)
    return found


def _titles(nb) -> dict[str, str]:
    exercises = ((nb.metadata.get("nnlab") or {}).get("exercises") or {}).get("exercises") or []
    return {e.get("grade_id"): str(e.get("title") or e.get("grade_id")) for e in exercises if isinstance(e, dict)}


def _known(lesson: str, exercise: str, fp: str) -> list[dict]:
    from labkit.exercises import diagnosis

    return [e for e in diagnosis.lookup(lesson, fp) if e.get("exercise") == exercise]


def classify(lesson: str, exercise: str, student: str, answer: str, tests: list,
             scores: dict[str, tuple[float, float]] | None) -> Outcome:
    """The outcome of one exercise: passed when every test cell scored full marks (gradebook), else why not."""
    out = Outcome(lesson, exercise, student, False, answer=answer[:MAX_ANSWER_CHARS])
    failing = []
    for cell in tests:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if scores is not None and gid in scores:
            ok = scores[gid][0] >= scores[gid][1]
        else:  # no gradebook entry: a test passed when it ran without an error
            ok = cell.get("execution_count") is not None and not _errors(cell.get("outputs", []))
        if not ok:
            failing.append(cell)
    if not failing:
        out.passed = True
        return out
    for cell in failing:  # the first failed test cell with a verdict decides
        errors = _errors(cell.get("outputs", []))
        if not errors:
            continue
        text = _text(errors)
        enames = [e.get("ename", "") for e in errors]
        marker = MARKER.search(text)
        if marker:
            out.fingerprint = marker.group(1)
            known = _known(lesson, exercise, out.fingerprint)
            if known:
                out.kind, out.mistake = "mistake", " / ".join(dict.fromkeys(k["mistake"] for k in known))
            else:
                out.kind = "unknown"
        elif "ShortcutUsed" in enames:
            out.kind, out.detail = "shortcut", "ShortcutUsed"
        elif "NotImplementedError" in enames or "not done yet" in text or "not written yet" in text:
            out.kind = "not done"
        else:
            out.kind, out.detail = "error", enames[0][:80] or "error"
        return out
    out.kind = "did not run"
    return out


def _scores(gb, lesson: str, student: str) -> dict[str, tuple[float, float]] | None:
    try:
        nb = gb.find_submission_notebook(lesson, lesson, student)
    except Exception:
        return None
    return {g.name: (g.score, g.max_score) for g in nb.grades}


def collect(root: Path, lessons: list[str] | None = None) -> list[Outcome]:
    """Every student's outcome on every exercise of the autograded notebooks under ``root``."""
    root = Path(root)
    autograded = root / "autograded"
    outcomes: list[Outcome] = []
    paths = sorted(p for p in autograded.glob("*/*/*.ipynb")
                   if p.stem == p.parent.name and not p.is_symlink() and (not lessons or p.stem in lessons))
    gb = None
    if (root / "gradebook.db").is_file():
        from nbgrader.api import Gradebook

        gb = Gradebook(f"sqlite:///{(root / 'gradebook.db').resolve()}")
    try:
        for path in paths:
            lesson, student = path.stem, path.parent.parent.name
            try:
                nb = nbformat.read(path, as_version=4)
            except Exception:
                continue  # an ungradable submission has no exercises to report
            scores = _scores(gb, lesson, student) if gb is not None else None
            for exercise, answer, tests in _exercise_cells(nb):
                outcomes.append(classify(lesson, exercise, student, answer, tests, scores))
    finally:
        if gb is not None:
            gb.close()
    return outcomes


def titles(root: Path, lessons: list[str]) -> dict[tuple[str, str], str]:
    """{(lesson, exercise): title} from the release's exercise map (the exercise's heading)."""
    out = {}
    for lesson in lessons:
        for path in (Path(root) / "release" / lesson / f"{lesson}.ipynb", Path(root) / "source" / lesson / f"{lesson}.ipynb"):
            if path.is_file():
                try:
                    nb = nbformat.read(path, as_version=4)
                except Exception:
                    continue
                titled = _titles(nb)
                if not titled:
                    from labkit.exercises.student import exercise_map

                    titled = {e["grade_id"]: e["title"] for e in exercise_map(nb)["exercises"]}
                out.update({(lesson, k): v for k, v in titled.items()})
                break
    return out


def summarise(outcomes: list[Outcome], names: dict[tuple[str, str], str] | None = None) -> list[ExerciseReport]:
    """Per lesson and exercise: students, passed, and the failures grouped (largest group first per kind)."""
    by_exercise: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_exercise[(o.lesson, o.exercise)].append(o)
    order = {}
    for o in outcomes:
        order.setdefault((o.lesson, o.exercise), len(order))
    reports = []
    for key in sorted(by_exercise, key=lambda k: (k[0], order[k])):
        items = sorted(by_exercise[key], key=lambda o: o.student)
        groups: dict[tuple[str, str], Group] = {}
        for o in items:
            if o.passed:
                continue
            gkey = o.mistake if o.kind == "mistake" else o.fingerprint if o.kind == "unknown" else o.detail
            group = groups.setdefault((o.kind, gkey), Group(o.kind, gkey, representative=o.answer))
            group.students.append(o.student)
            if o.fingerprint and o.fingerprint not in group.fingerprints:
                group.fingerprints.append(o.fingerprint)
        for group in groups.values():
            if group.kind == "mistake":
                known = _known(key[0], key[1], group.fingerprints[0]) if group.fingerprints else []
                if known:
                    group.why, group.hint = known[0].get("why", ""), known[0].get("hint", "")
        ordered = sorted(groups.values(), key=lambda g: (KINDS.index(g.kind), -g.count, g.key))
        reports.append(ExerciseReport(key[0], key[1], (names or {}).get(key, key[1]), len(items),
                                      sum(o.passed for o in items), ordered))
    return reports


# Output: CSV, plots, HTML
# ------------------------

SUMMARY_COLUMNS = ["lesson", "exercise", "students", "passed", "failed", "kind", "group", "fingerprints", "count",
                   "share_of_failures", "share_of_class", "students_in_group"]
STUDENT_COLUMNS = ["lesson", "exercise", "student", "passed", "kind", "mistake", "fingerprint", "detail"]


def write_csv(reports: list[ExerciseReport], outcomes: list[Outcome], out: Path, anonymous: bool) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "misconceptions.csv"
    columns = [c for c in SUMMARY_COLUMNS if not (anonymous and c == "students_in_group")]
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for r in reports:
            base = {"lesson": r.lesson, "exercise": r.exercise, "students": r.students, "passed": r.passed,
                    "failed": r.failed}
            writer.writerow({**base, "kind": "passed", "group": "", "count": r.passed,
                             "share_of_class": round(r.passed / r.students, 4) if r.students else 0})
            for g in r.groups:
                writer.writerow({**base, "kind": g.kind, "group": g.key, "fingerprints": " ".join(g.fingerprints),
                                 "count": g.count, "share_of_failures": round(g.count / r.failed, 4) if r.failed else 0,
                                 "share_of_class": round(g.count / r.students, 4) if r.students else 0,
                                 "students_in_group": " ".join(g.students)})
    written = [path]
    per_student = out / "misconceptions_students.csv"
    if anonymous:
        per_student.unlink(missing_ok=True)
    else:
        with per_student.open("w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=STUDENT_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            for o in sorted(outcomes, key=lambda o: (o.lesson, o.exercise, o.student)):
                writer.writerow({**o.__dict__, "passed": int(o.passed)})
        written.append(per_student)
    return written


_COLORS = {"passed": "#1b7837", "mistake": "#d6604d", "unknown": "#f4a582", "shortcut": "#762a83",
           "not done": "#bababa", "error": "#4393c3", "did not run": "#878787"}


def plot(report: ExerciseReport) -> str:
    """A horizontal bar chart of the exercise's outcomes, as a data: URI (PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups = report.groups[:12]
    labels = ["passed"] + [_label(g, 38) for g in groups]
    counts = [report.passed] + [g.count for g in groups]
    colors = [_COLORS["passed"]] + [_COLORS[g.kind] for g in groups]
    fig, ax = plt.subplots(figsize=(6.4, 0.42 * len(labels) + 0.9), dpi=80)
    y = list(range(len(labels)))[::-1]
    ax.barh(y, counts, color=colors)
    ax.set_yticks(y, labels, fontsize=9)
    for yi, c in zip(y, counts):
        ax.text(c, yi, f" {c}", va="center", fontsize=9)
    ax.set_xlabel(f"students (of {report.students})")
    ax.set_xlim(0, max(counts + [1]) * 1.15)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def _label(g: Group, width: int = 80) -> str:
    if g.kind == "mistake":
        text = g.key
    elif g.kind == "unknown":
        text = f"unrecognised {g.key[:8]}"
    elif g.kind == "error":
        text = f"error: {g.key}"
    else:
        text = KIND_LABELS[g.kind]
    return text if len(text) <= width else text[:width - 1] + "\u2026"


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:72rem;margin:1.5rem auto;padding:0 1rem;
color:#1a1a1a;line-height:1.45}
h1{font-size:1.6rem} h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
h3{margin-top:1.6rem} table{border-collapse:collapse;margin:.5rem 0} td,th{border:1px solid #ccc;padding:.25rem .5rem;
vertical-align:top;text-align:left} th{background:#f3f3f3} .num{text-align:right}
pre{background:#f7f7f7;border:1px solid #ddd;padding:.5rem;overflow-x:auto;max-height:22rem;font-size:.85rem}
.exercise{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem}
.note{color:#555;font-size:.9rem} code{background:#f3f3f3;padding:0 .2rem} .students{font-size:.85rem;color:#333}
"""


def render_html(reports: list[ExerciseReport], anonymous: bool, root: Path, seconds: float | None = None,
                with_plots: bool = True) -> str:
    esc = html.escape
    lessons = list(dict.fromkeys(r.lesson for r in reports))
    parts = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
             "<title>Misconception report</title>", f"<style>{_CSS}</style></head><body>",
             "<h1>Misconception report</h1>",
             f"<p class='note'>From the autograded notebooks in <code>{esc(str(root))}</code>, "
             f"{time.strftime('%Y-%m-%d %H:%M')}. "
             + ("Student ids are left out (anonymous report)." if anonymous else
                "<b>For the instructor only: it names students.</b> "
                "<code>grading/course.py report --anonymous</code> writes a copy without names.")
             + " A <em>recognised mistake</em> is one the learners' checks recognise by its behaviour (a recorded wrong "
             "answer behaves the same way); <em>unrecognised behaviour</em> groups answers whose checks saw identical "
             "values. Name a group to teach it: the command under each group adds it to the recorded wrong answers; "
             "then run <code>grading/mistakes.py build LESSON</code>.</p>"]
    if not reports:
        parts.append("<p><b>Nothing autograded yet.</b> Run <code>grading/course.py autograde SUBMISSIONS</code> "
                     "(or the formgrader's Autograde) first.</p>")
    if len(lessons) > 1:
        parts.append("<ul>" + "".join(f"<li><a href='#{esc(l)}'>{esc(l)}</a></li>" for l in lessons) + "</ul>")
    from labkit.exercises.diagnosis import MISTAKES_DIR

    for lesson in lessons:
        parts.append(f"<h2 id='{esc(lesson)}'>{esc(lesson)}</h2>")
        if not (MISTAKES_DIR / f"{lesson}.json").exists():
            parts.append(f"<p class='note'><b>No mistakes table ships for {esc(lesson)}</b>: no failure can be "
                         f"recognised. Run <code>grading/mistakes.py build {esc(lesson)}</code>.</p>")
        parts.append("<table><tr><th>exercise</th><th>students</th>"
                     "<th>passed</th><th>most common recognised mistake</th><th>unrecognised groups</th></tr>")
        for r in (r for r in reports if r.lesson == lesson):
            top = next((g for g in r.groups if g.kind == "mistake"), None)
            unknown = sum(g.kind == "unknown" for g in r.groups)
            parts.append(f"<tr><td><a href='#{esc(lesson)}-{esc(r.exercise)}'>{esc(r.title)}</a></td>"
                         f"<td class='num'>{r.students}</td><td class='num'>{r.passed} ({_pct(r.passed, r.students)})</td>"
                         f"<td>{esc(top.key) + f' ({_pct(top.count, r.students)} of the class)' if top else '—'}</td>"
                         f"<td class='num'>{unknown}</td></tr>")
        parts.append("</table>")
        for r in (r for r in reports if r.lesson == lesson):
            parts.append(_exercise_html(r, anonymous, with_plots))
    if seconds is not None:
        parts.append(f"<p class='note'>Built in {seconds:.2f} s.</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.0f} %" if d else "—"


def _exercise_html(r: ExerciseReport, anonymous: bool, with_plots: bool) -> str:
    esc = html.escape
    out = [f"<h3 id='{esc(r.lesson)}-{esc(r.exercise)}'>{esc(r.title)} <span class='note'>({esc(r.exercise)})</span></h3>",
           f"<p><b>{r.passed} of {r.students}</b> students passed ({_pct(r.passed, r.students)}); "
           f"{r.failed} did not.</p>", "<div class='exercise'><div>"]
    if r.groups:
        out.append("<table class='groups'><tr><th>failure</th><th>students</th><th>share of failures</th></tr>")
        for g in r.groups:
            out.append(f"<tr data-kind='{esc(g.kind)}'><td>{esc(_label(g))}</td><td class='num'>{g.count}</td>"
                       f"<td class='num'>{_pct(g.count, r.failed)}</td></tr>")
        out.append("</table>")
    out.append("</div><div>")
    if with_plots and r.students:
        out.append(f"<img alt='outcomes of {esc(r.exercise)}: passed and each kind of failure' src='{plot(r)}'>")
    out.append("</div></div>")
    for g in r.groups:
        if g.kind == "mistake":
            out.append(f"<h4>Recognised: {esc(g.key)} — {g.count} ({_pct(g.count, r.students)} of the class)</h4>")
            if g.why:
                out.append(f"<p>Why: {esc(g.why)}<br>Hint given: {esc(g.hint)}</p>")
        elif g.kind == "unknown":
            out.append(f"<h4 class='unknown'>Unrecognised behaviour <code>{esc(g.key)}</code> — {g.count} "
                       f"({_pct(g.count, r.students)} of the class)</h4>"
                       "<p>Representative answer (one student's answer cell):</p>"
                       f"<pre class='representative'>{esc(g.representative)}</pre>"
                       "<p class='note'>Name it (adds it to the recorded wrong answers):<br><code>"
                       f"grading/course.py name-mistake {esc(r.lesson)} {esc(r.exercise)} {esc(g.key)} "
                       "--name '...' --why '...' --hint '...'</code></p>")
        else:
            continue
        if not anonymous:
            out.append(f"<p class='students'>Students: {esc(', '.join(g.students))}</p>")
    others = [g for g in r.groups if g.kind not in ("mistake", "unknown")]
    if others and not anonymous:
        out.append("<p class='students'>" + "; ".join(f"{esc(_label(g))}: {esc(', '.join(g.students))}"
                                                         for g in others) + "</p>")
    return "\n".join(out)


def build(root: Path, lessons: list[str] | None = None, out: Path | None = None, anonymous: bool = False,
          with_plots: bool = True) -> dict:
    """Write the HTML page and the CSV files; returns {"html", "csv", "reports", "outcomes", "seconds"}."""
    start = time.perf_counter()
    root = Path(root)
    outcomes = collect(root, lessons)
    names = titles(root, sorted({o.lesson for o in outcomes}))
    reports = summarise(outcomes, names)
    out = Path(out) if out else root / "report"
    csvs = write_csv(reports, outcomes, out, anonymous)
    seconds = time.perf_counter() - start
    page = render_html(reports, anonymous, root, None, with_plots)
    seconds = time.perf_counter() - start
    page = page.replace("</body></html>", f"<p class='note'>Built in {seconds:.2f} s.</p></body></html>")
    html_path = out / "misconceptions.html"
    html_path.write_text(page, encoding="utf-8")
    return {"html": html_path, "csv": csvs, "reports": reports, "outcomes": outcomes, "seconds": seconds}


# Naming a group: a new recorded wrong answer
# -------------------------------------------

SLUG = re.compile(r"^[a-z][a-z0-9_]{1,60}$")


def name_mistake(root: Path, lesson: str, exercise: str, fingerprint: str, name: str, why: str, hint: str,
                 file: str | None = None, wrong_answers: Path | None = None) -> Path:
    """Write the group ``fingerprint`` of ``lesson``/``exercise`` as a recorded wrong answer; returns its path."""
    if not FINGERPRINT.match(fingerprint):
        raise ValueError(f"fingerprint {fingerprint!r} is not 16 hex digits; expected one from the report "
                         "(e.g. 3fa2c0d9e1b24a77)")
    for label, text in (("--name", name), ("--why", why), ("--hint", hint)):
        if not text or not text.strip() or "\n" in text or "\r" in text or len(text) > 250:
            raise ValueError(f"{label} {text!r} must be one line of 1-250 characters")
    words = len(name.split())
    if not 2 <= words <= 8:
        raise ValueError(f"--name {name!r} has {words} words; expected a short name of 2-8 words a learner recognises")
    outcomes = [o for o in collect(root, [lesson]) if o.exercise == exercise]
    if not outcomes:
        raise ValueError(f"no autograded answers to exercise {exercise!r} of lesson {lesson!r} in {root}; expected "
                         "an exercise the report lists")
    group = sorted((o for o in outcomes if not o.passed and o.fingerprint == fingerprint), key=lambda o: o.student)
    if not group:
        known = sorted({o.fingerprint for o in outcomes if o.kind == "unknown"})
        raise ValueError(f"no failed answer to {lesson}/{exercise} has behaviour {fingerprint}; "
                         f"unrecognised groups there: {known[:10]}")
    slug = file or re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:60]
    if not SLUG.match(slug) or "__variant" in slug or slug.startswith("shortcut_"):
        raise ValueError(f"file name {slug!r} is not usable; expected lower-case letters, digits and _ "
                         "(not shortcut_..., not __variant)")
    folder = Path(wrong_answers or GRADING / "wrong_answers") / lesson / exercise
    path = folder / f"{slug}.py"
    if path.exists():
        raise FileExistsError(f"{path} already exists; choose another --file name")
    answer = group[0].answer.rstrip() + "\n"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# mistake: {name.strip()}\n# why: {why.strip()}\n# hint: {hint.strip()}\n{answer}")
    return path


def summary_json(reports: list[ExerciseReport]) -> str:
    """The report's numbers without names (for tests and scripts)."""
    return json.dumps([{"lesson": r.lesson, "exercise": r.exercise, "students": r.students, "passed": r.passed,
                        "groups": [{"kind": g.kind, "key": g.key, "count": g.count} for g in r.groups]}
                       for r in reports], indent=1)


def counts(reports: list[ExerciseReport]) -> Counter:
    c: Counter = Counter()
    for r in reports:
        c["passed"] += r.passed
        for g in r.groups:
            c[g.kind] += g.count
    return c
