"""nbgrader configuration of the NN Lab course.

nbgrader reads this file when it runs in this folder (grading/course.py runs
it here). The lessons in ../notebooks are the assignments; everything nbgrader
writes (release/, submitted/, autograded/, feedback/, gradebook.db) goes under
grading/course/, which git ignores. ``--CourseDirectory.root=...`` moves it.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import ClearSolutions  # noqa: E402

from feedback_filter import GetGradesMarkingUngraded, StripHiddenTests  # noqa: E402
from feedback_html import OfflineMathHTMLExporter  # noqa: E402

c = get_config()  # noqa: F821  (nbgrader provides get_config)

c.CourseDirectory.course_id = "nnlab"
c.CourseDirectory.root = os.path.join(HERE, "course")
# The lessons are the assignments: notebooks/<lesson>/<lesson>.ipynb.
c.CourseDirectory.source_directory = os.path.join(os.path.dirname(HERE), "notebooks")
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", ".*"]

# Every cell of a lesson finishes in well under a minute; a cell that does not
# (an infinite loop in a submission) is interrupted, recorded as an error, and
# grading goes on with the next cell.
c.Execute.timeout = int(os.environ.get("NNLAB_CELL_TIMEOUT", "60"))
c.Execute.interrupt_on_timeout = True
c.Execute.kernel_name = "python3"
c.Execute.startup_timeout = 120
# A cell that shows into an ipywidgets Output (widgets.interact, `with out:`) must not
# leave the run waiting a whole cell timeout for a reply that has arrived (issue 16).
import widget_output  # noqa: E402

widget_output.install()

# `nbgrader autograde` and the formgrader's Autograde button run each submission in the
# course's sandbox (sandbox.py: no course folder, gradebook, other submissions, tokens or
# network inside) and score it as grading/course.py does (a warning on stderr is not a failure).
from nbgrader_sandbox import SANDBOXED_AUTOGRADE  # noqa: E402

c.Autograde.autograde_preprocessors = SANDBOXED_AUTOGRADE

# The student version: answer and test cells tagged `raises-exception` (Run All goes on past an
# unfinished exercise) and the exercise map in the metadata, names only (labkit/exercises/student.py).
from labkit.exercises.student import StudentVersion  # noqa: E402
from nbgrader.converters import GenerateAssignment  # noqa: E402

_steps = list(GenerateAssignment.class_traits()["preprocessors"].default())
c.GenerateAssignment.preprocessors = _steps[:_steps.index(ClearSolutions)] + [StudentVersion] + _steps[_steps.index(ClearSolutions):]

# Hints on demand (issue 23): a `hints("<grade_id>")` cell after every answer cell of the student
# version, inserted before StudentVersion computes the exercise map (labkit/exercises/hints.py).
from labkit.exercises.hints import HintCells  # noqa: E402

_steps = list(c.GenerateAssignment.preprocessors)
c.GenerateAssignment.preprocessors = _steps[:_steps.index(StudentVersion)] + [HintCells] + _steps[_steps.index(StudentVersion):]

# Feedback shows each test cell's visible part only: hidden tests stay hidden (a failed one is
# labelled "✘ Hidden tests failed"), no path of the grading machine, and each answer graded by hand
# that nobody has graded yet as "awaiting grading" (the total as provisional), not as 0 points.
c.GenerateFeedback.preprocessors = [GetGradesMarkingUngraded, StripHiddenTests, CSSHTMLHeaderPreprocessor]
# Feedback renders its maths offline: MathJax inlined from the installed package, no CDN.
c.GenerateFeedback.exporter_class = OfflineMathHTMLExporter
# ... with NN Lab's feedback template (feedback_templates/nnlab_feedback: nbgrader's, plus "awaiting grading").
import nbgrader as _nbgrader  # noqa: E402

_formgrader = os.path.join(os.path.dirname(_nbgrader.__file__), "server_extensions", "formgrader")
c.OfflineMathHTMLExporter.template_name = "nnlab_feedback"
c.OfflineMathHTMLExporter.extra_template_basedirs = [os.path.join(_formgrader, "templates"),
                                                     os.path.join(HERE, "feedback_templates")]
# (nbgrader's templates folder itself, for `extends 'feedback/index.html.j2'`; bootstrap's CSS, as nbgrader sets it)
c.OfflineMathHTMLExporter.extra_template_paths = [
    os.path.join(_formgrader, "templates"),
    os.path.join(_formgrader, "static", "node_modules", "bootstrap", "dist", "css")]

# A submission that prints megabytes must not bloat the gradebook or feedback.
c.LimitOutput.max_lines = 200
