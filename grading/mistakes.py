"""The recorded mistakes as learners meet them: explanations, and the table the diagnosis ships.

Each recorded wrong answer (``grading/wrong_answers/<lesson>/<exercise>/<name>.py``) starts with
three comment lines:

    # mistake: Kernel flipped (true convolution)
    # why: one sentence on what the code does and why that is wrong here
    # hint: a hint that points at the mistake, never at the answer

A mistake whose values change on every run (it ignores the seed) adds a fourth line,
``# behaviour: varies ...``: it cannot be matched by behaviour. A file named ``<name>__variant_<x>.py`` is the same mistake written differently (a loop instead
of a vectorised expression): it needs no header and must be diagnosed as ``<name>``.

    .venv/bin/python grading/mistakes.py build [LESSON ...]   # labkit/exercises/mistakes/<lesson>.json

``build`` runs each lesson once (the self-test's replay, one kernel), collects the behaviour
fingerprint of every check each recorded wrong answer fails, and writes the table the learner's
checks use (labkit.exercises.diagnosis). Run it after changing a lesson's checks or its recorded
mistakes; the self-test says so when the table is stale.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

GRADING = Path(__file__).resolve().parent
sys.path.insert(0, str(GRADING))
VARIANT = "__variant"
# A fourth header line for a mistake whose values change from run to run (an unseeded random draw):
# it cannot be recognised by its behaviour, and the self-test does not ask it to be.
VARIES = "# behaviour: varies"
HEADER = re.compile(r"\A# mistake: (?P<mistake>.+)\n# why: (?P<why>.+)\n# hint: (?P<hint>.+)\n")


def header(text: str) -> dict[str, str] | None:
    """{"mistake", "why", "hint"} from a recorded wrong answer's first three lines, or None."""
    match = HEADER.match(text)
    return {k: v.strip() for k, v in match.groupdict().items()} if match else None


def base_name(name: str) -> str:
    """The mistake a file records: ``flipped_kernel__variant_loop`` -> ``flipped_kernel``."""
    return name.split(VARIANT, 1)[0]


def build(lesson: str) -> Path:
    """Replay ``lesson`` and write its table; returns the path written."""
    import course
    import selftest
    from labkit.exercises.diagnosis import MISTAKES_DIR

    replayed = selftest.replay_recorded_answers(course.lesson_notebook(lesson), lesson, kinds=("wrong",), hunt=False)
    recorded = selftest.wrong_answers(lesson)
    table: dict[str, list[dict]] = {}
    missing = []
    for result in replayed["wrong"]:
        if VARIANT in result.mistake:
            continue
        info = header(recorded[result.grade_id][result.mistake])
        if info is None:
            missing.append(f"{result.grade_id}/{result.mistake}")
            continue
        for fp in dict.fromkeys(result.fingerprints):
            entry = {"exercise": result.grade_id, "name": result.mistake, **info}
            if entry not in table.setdefault(fp, []):
                table[fp].append(entry)
    MISTAKES_DIR.mkdir(parents=True, exist_ok=True)
    path = MISTAKES_DIR / f"{lesson}.json"
    path.write_text(json.dumps({"lesson": lesson, "mistakes": dict(sorted(table.items()))}, indent=1,
                               ensure_ascii=False) + "\n")
    if missing:
        print(f"{lesson}: {len(missing)} recorded wrong answers have no header and are left out: {missing[:5]}")
    return path


if __name__ == "__main__":
    import course

    if len(sys.argv) < 2 or sys.argv[1] != "build":
        sys.exit(__doc__)
    wanted = sys.argv[2:]
    for lesson in course.lessons():
        if not wanted or any(lesson.startswith(w) for w in wanted):
            print("wrote", build(lesson))
