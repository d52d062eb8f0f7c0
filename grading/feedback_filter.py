"""Keep hidden tests out of the feedback a student receives.

nbgrader's autograded notebook holds the full test cells, hidden tests included,
and its feedback HTML would show them. This preprocessor runs before the HTML
export: it cuts every ``### BEGIN HIDDEN TESTS ... ### END HIDDEN TESTS``
region and, in a cell that had one, replaces a failure's traceback (which
quotes the hidden code) by its one-line error.
"""

from __future__ import annotations

from nbgrader.preprocessors import NbGraderPreprocessor

BEGIN = "BEGIN HIDDEN TESTS"
END = "END HIDDEN TESTS"
NOTE = "# Hidden tests ran here too; they are not shown."


def strip_hidden(source: str) -> tuple[str, bool]:
    """Return the source without its hidden-test regions, and whether there were any."""
    lines, keep, found = [], True, False
    for line in source.split("\n"):
        if BEGIN in line:
            keep, found = False, True
            continue
        if END in line:
            keep = True
            continue
        if keep:
            lines.append(line)
    if found:
        lines.append(NOTE)
    return "\n".join(lines), found


class StripHiddenTests(NbGraderPreprocessor):
    """Remove hidden tests (and tracebacks that quote them) from graded test cells."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or not cell.metadata.get("nbgrader", {}).get("grade"):
            return cell, resources
        cell.source, found = strip_hidden(cell.source)
        if found:
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]
        return cell, resources
