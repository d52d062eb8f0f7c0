"""Write lessons as plain text, keep them as notebooks.

A lesson is kept in git as ``notebooks/NN_topic/NN_topic.ipynb`` (the source of
truth, what nbgrader reads). Writing a long notebook in a browser is slow, so
this tool converts both ways between the notebook and a "percent" script:

    python grading/nbauthor.py to-py  notebooks/01_artificial_neuron/01_artificial_neuron.ipynb
    python grading/nbauthor.py to-ipynb lesson.py notebooks/01_artificial_neuron/01_artificial_neuron.ipynb

Cell markers in the script (one per cell, alone on a line):

    # %% [markdown]                      a markdown cell; each line starts with "# "
    # %%                                 an ordinary code cell (read-only in the release)
    # %% [solution] id=weighted_sum      an answer cell the learner fills in
    # %% [tests] id=weighted_sum_tests points=2   an autograded test cell (locked)
    # %% [task] id=essay points=1        a manually graded markdown answer

Solution cells hold ``### BEGIN SOLUTION`` / ``### END SOLUTION``; test cells may
hold ``### BEGIN HIDDEN TESTS`` / ``### END HIDDEN TESTS``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

MARKER = re.compile(r"^# %%(?: \[(?P<kind>\w+)\])?(?P<attrs>(?: \w+=\S+)*)\s*$")

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _nbgrader_meta(kind: str, attrs: dict) -> dict | None:
    base = {"schema_version": 3, "task": False}
    if kind == "solution":
        return {**base, "grade": False, "solution": True, "locked": False, "grade_id": attrs["id"]}
    if kind == "tests":
        return {**base, "grade": True, "solution": False, "locked": True, "grade_id": attrs["id"],
                "points": float(attrs.get("points", 1))}
    if kind == "task":
        return {**base, "grade": True, "solution": True, "locked": False, "grade_id": attrs["id"],
                "points": float(attrs.get("points", 1))}
    return None


def script_to_notebook(text: str) -> nbformat.NotebookNode:
    """Parse a percent script into a notebook with nbgrader metadata."""
    cells: list[tuple[str, dict, list[str]]] = []
    for line in text.splitlines():
        m = MARKER.match(line)
        if m:
            attrs = dict(a.split("=", 1) for a in m.group("attrs").split())
            cells.append((m.group("kind") or "code", attrs, []))
        elif cells:
            cells[-1][2].append(line)
        elif line.strip():
            raise ValueError(f"text before the first '# %%' marker: {line!r}")
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata["language_info"] = {"name": "python"}
    for kind, attrs, lines in cells:
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        if kind in ("markdown", "task"):
            body = "\n".join(l[2:] if l.startswith("# ") else l.lstrip("#") for l in lines)
            cell = nbformat.v4.new_markdown_cell(body)
        elif kind in ("code", "solution", "tests"):
            cell = nbformat.v4.new_code_cell("\n".join(lines))
        else:
            raise ValueError(f"unknown cell kind {kind!r}; use markdown, solution, tests or task")
        meta = _nbgrader_meta(kind, attrs)
        if meta is not None:
            cell.metadata["nbgrader"] = meta
        if "tags" in attrs:
            cell.metadata["tags"] = attrs["tags"].split(",")
        nb.cells.append(cell)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:03d}"
    return nb


def notebook_to_script(nb: nbformat.NotebookNode) -> str:
    """Write a notebook back as a percent script (the inverse of script_to_notebook)."""
    out = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        tags = cell.metadata.get("tags")
        extra = f" tags={','.join(tags)}" if tags else ""
        if cell.cell_type == "markdown":
            if meta.get("grade") and meta.get("solution"):
                out.append(f"# %% [task] id={meta['grade_id']} points={meta.get('points', 1):g}{extra}")
            else:
                out.append(f"# %% [markdown]{extra}")
            out += [("# " + l) if l else "#" for l in cell.source.splitlines()]
        elif meta.get("solution"):
            out.append(f"# %% [solution] id={meta['grade_id']}{extra}")
            out.append(cell.source)
        elif meta.get("grade"):
            out.append(f"# %% [tests] id={meta['grade_id']} points={meta.get('points', 1):g}{extra}")
            out.append(cell.source)
        else:
            out.append(f"# %%{extra}")
            out.append(cell.source)
        out.append("")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "to-py":
        nb = nbformat.read(argv[1], as_version=4)
        text = notebook_to_script(nb)
        if len(argv) > 2:
            Path(argv[2]).write_text(text)
        else:
            sys.stdout.write(text)
        return 0
    if len(argv) == 3 and argv[0] == "to-ipynb":
        nb = script_to_notebook(Path(argv[1]).read_text())
        nbformat.validate(nb)
        Path(argv[2]).parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, argv[2])
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
