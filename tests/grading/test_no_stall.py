"""Autograding never waits a cell timeout after a widget cell (issue 16).

The stall: nbclient mimics the front end of an ipywidgets Output and sends each
captured output back to the kernel on the shell socket with a blocking send, while
it awaits an asyncio poll on that socket for the cell's reply. The send can swallow
the reply's wake-up, and the run then sits one cell timeout before the next cell,
intermittently. Fixed twice over: labkit widgets set their Output's state directly
(no front-end round trip, labkit/widgets/_figure.py), and grading installs an Output
mimic that sends through the asyncio socket (grading/widget_output.py, installed by the
sandboxed runner and by nbgrader_config.py) for ``widgets.interact`` and any other capture.

A stall shows in a notebook's execution timestamps: the next cell's
``iopub.execute_input`` comes a cell timeout after this cell's ``shell.execute_reply``
(or the reply after the idle status). Each test runs many widget cells, because one
widget cell stalls only now and then.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import nbclient.client
import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.output_widget import OutputWidget
from nbformat.v4 import new_code_cell, new_notebook
from traitlets.config.loader import PyFileConfigLoader

REPO = Path(__file__).resolve().parents[2]
GRADING = REPO / "grading"
sys.path.insert(0, str(GRADING))

import course  # noqa: E402

pytestmark = pytest.mark.slow

MAX_GAP_S = 5.0  # between one cell's reply and the next cell's start; a stall is a whole cell timeout
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def _time(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def stalls(nb) -> list[str]:
    """Every wait longer than MAX_GAP_S between a cell's end and the next cell's start, or a reply and its idle."""
    found, previous = [], None
    for index, cell in enumerate(nb.cells):
        times = cell.get("metadata", {}).get("execution") or {}
        if cell.cell_type != "code" or "iopub.execute_input" not in times:
            continue
        start = _time(times["iopub.execute_input"])
        if previous is not None and (start - previous[1]).total_seconds() > MAX_GAP_S:
            found.append(f"cell {index} started {(start - previous[1]).total_seconds():.1f} s after cell "
                         f"{previous[0]} ended")
        ends = [_time(times[k]) for k in ("iopub.status.idle", "shell.execute_reply") if k in times]
        if len(ends) == 2 and abs((ends[1] - ends[0]).total_seconds()) > MAX_GAP_S:
            found.append(f"cell {index}: reply and idle status {abs((ends[1] - ends[0]).total_seconds()):.1f} s apart")
        previous = (index, max(ends))
    return found


@pytest.fixture
def sends(monkeypatch):
    """Counts the Output-widget updates the runner's front-end mimic sends to the kernel.

    Restores nbclient's Output mimic afterwards (loading the course config installs the fixed one).
    """
    monkeypatch.setattr(nbclient.client, "OutputWidget", nbclient.client.OutputWidget)
    count = []

    def counting(base):
        class Counting(base):
            def _publish_msg(self, *args, **kwargs):
                count.append(args[0] if args else kwargs.get("msg_type"))
                return super()._publish_msg(*args, **kwargs)
        return Counting

    def install(base=None):
        monkeypatch.setattr(nbclient.client, "OutputWidget", counting(base or nbclient.client.OutputWidget))
        return count

    return install


def course_config(cell_timeout: int):
    """grading/nbgrader_config.py loaded as nbgrader loads it (which also installs its Output mimic)."""
    config = PyFileConfigLoader("nbgrader_config.py", path=str(GRADING)).load_config()
    config.Execute.timeout = cell_timeout
    return config


def grading_executor(config):
    """nbgrader's Execute preprocessor with the course configuration, as autograde runs it."""
    from nbgrader.preprocessors import Execute

    return Execute(config=config)


def capture_notebook(cells: int):
    """Cells that show into an Output the way widgets.interact does, each followed by a plain cell."""
    source = [new_code_cell("import ipywidgets as widgets\nfrom IPython.display import HTML, display")]
    for i in range(cells):
        source.append(new_code_cell(f"out = widgets.Output()\ndisplay(out)\nwith out:\n"
                                    f"    print('step {i}')\n    display(HTML('<b>{i}</b>'))"))
        source.append(new_code_cell(f"assert out.outputs, 'the runner never sent the captured output back'\nx = {i}"))
    return new_notebook(cells=source, metadata={"kernelspec": KERNELSPEC})


def test_output_capture_does_not_stall_the_grading_executor(sends, tmp_path):
    config = course_config(cell_timeout=15)
    count = sends()  # counts on top of the Output mimic the course config installed
    for attempt in range(3):
        nb = capture_notebook(20)
        grading_executor(config).preprocess(nb, {"metadata": {"path": str(tmp_path)}})
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
        assert not errors, f"run {attempt}: {errors[0].get('ename')}: {errors[0].get('evalue')}"
        assert not stalls(nb), f"run {attempt} of 20 Output captures stalled: {stalls(nb)}"
    assert count.count("comm_msg") >= 60 * 2, "each capture should be sent back to the kernel (output and state)"


LABKIT_WIDGETS = """\
from labkit.widgets.neuron import NeuronPlayground
from labkit.widgets.activations import ActivationExplorer
from labkit.widgets.losses import LossExplorer, SoftmaxExplorer
from labkit.widgets.regularization import CapacityExplorer
from labkit.widgets.scaling import ScalingExplorer
shown = []
"""
WIDGET_CELLS = [
    "w = NeuronPlayground(); w.w1.value = 0.5; w",
    "w = ActivationExplorer(); w",
    "w = LossExplorer(); w",
    "w = SoftmaxExplorer(); w",
    "w = CapacityExplorer(degree=14, log10_lam=-9.0, n_train=15); w.degree.value = 5; w",
    "w = ScalingExplorer(); w",
]


def test_labkit_widgets_draw_without_a_front_end_round_trip(sends, tmp_path):
    """labkit widgets set their Output's state; a runner has nothing to send back, so nothing to stall on."""
    count = sends(OutputWidget)  # nbclient's own mimic, as any notebook runner uses it
    cells = [new_code_cell(LABKIT_WIDGETS)]
    for source in WIDGET_CELLS:
        cells += [new_code_cell(source), new_code_cell("shown.append(w.out.outputs[0]['data'])")]
    cells.append(new_code_cell("assert len(shown) == %d and all('image/png' in d for d in shown), shown" % len(WIDGET_CELLS)))
    nb = new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC})
    NotebookClient(nb, kernel_name="python3", timeout=60, resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert count == [], (f"labkit widgets routed {len(count)} outputs through the runner's Output mimic "
                         "(`with out: display(...)`); set the Output's outputs instead")
    assert not stalls(nb), stalls(nb)
    state = nb.metadata.widgets["application/vnd.jupyter.widget-state+json"]["state"]
    pngs = [o for m in state.values() if m["model_name"] == "OutputModel" for o in m["state"]["outputs"]
            if "image/png" in o.get("data", {})]
    assert len(pngs) == len(WIDGET_CELLS), "the saved notebook should keep each widget's figure"


WIDGET_LESSONS = ["00_welcome", "07_data_preparation", "08_regularization"]


@pytest.mark.parametrize("lesson", WIDGET_LESSONS)
def test_widget_lesson_runs_without_stall_in_the_grading_executor(lesson, sends):
    """End to end on the lessons with widgets: 00 (widgets.interact), 07 and 08 (labkit widgets).

    One run each: a lesson has only a few widget cells, so it stalls in some runs only;
    the tests above repeat the stalling step many times instead.
    """
    path = course.lesson_notebook(lesson)
    nb = nbformat.read(path, as_version=4)
    grading_executor(course_config(cell_timeout=60)).preprocess(nb, {"metadata": {"path": str(path.parent)}})
    assert not stalls(nb), f"{lesson}: {stalls(nb)}"



def test_sandboxed_autograde_does_not_stall_after_output_captures(tmp_path):
    """The course's own autograde (sandboxed runner, which records no timings): the kernel times the waits.

    A submission of lesson 00 with 20 Output captures appended; after each capture the next
    cell records how long the kernel waited between the two cells.
    """
    lesson = "00_welcome"
    folder = tmp_path / "submitted" / "student" / lesson
    shutil.copytree(course.NOTEBOOKS / lesson, folder)
    path = folder / f"{lesson}.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(new_code_cell("import time as _time\nimport ipywidgets as _widgets\n"
                                  "from IPython.display import HTML as _HTML, display as _display\n_waits = []"))
    for i in range(20):
        nb.cells.append(new_code_cell(f"_out = _widgets.Output()\n_display(_out)\nwith _out:\n    print('step {i}')\n"
                                      f"    _display(_HTML('<b>{i}</b>'))\n_end = _time.monotonic()"))
        nb.cells.append(new_code_cell("_waits.append(_time.monotonic() - _end)"))
    nb.cells.append(new_code_cell("print('NNLAB-WAITS', max(_waits), len(_waits))"))
    nbformat.write(nb, path)
    course.release([lesson], root=tmp_path)
    assert course.autograde(lesson, root=tmp_path, cell_timeout=15) == []
    graded = nbformat.read(tmp_path / "autograded" / "student" / lesson / f"{lesson}.ipynb", as_version=4)
    lines = [line for o in graded.cells[-1].get("outputs", []) if o.get("output_type") == "stream"
             for line in o["text"].splitlines() if line.startswith("NNLAB-WAITS ")]
    assert lines, f"the appended cells did not run: {graded.cells[-1].get('outputs')}"
    _, worst, count = lines[0].split()
    assert int(count) == 20
    assert float(worst) < MAX_GAP_S, f"the grader waited {float(worst):.1f} s between two cells after an Output capture"
