"""Every lesson, opened in JupyterLab in headless Chromium, runs top to bottom and shows its widgets.

One JupyterLab server (on 127.0.0.1, stopped at the end) serves an instructor workspace
(solutions in). For each lesson the test opens the notebook, runs all cells through
JupyterLab's own "run all" command, waits for the kernel, and checks that no cell
errored, that every widget rendered (a slider or another control is visible) and
that no "Error displaying widget" appears. A screenshot of each lesson is saved to
test-artifacts/. Skipped, with the reason, only where chromium is not installed.

The server's kernels pretend to have a GPU (tests/fake_cuda.py, installed by an IPython startup
file): ``LABKIT_DEVICE=cuda``, ``torch.cuda.is_available()`` true, and every operation that mixes
a "cuda" tensor with a CPU one fails as it does on a GPU. So this one run of each lesson also
checks that the lesson puts its tensors on its model's device (issue 22: the lessons run on CUDA
when it is present), without a second execution of the course.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from pathlib import Path

import pytest
try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # collected without the test extras: the browser fixture skips these tests
    PlaywrightTimeout = TimeoutError

import course
import harness

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # lessons spread over the workers, one server each

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
ARTIFACTS = course.REPO / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pretend_gpu_in_every_kernel(ipython_dir: Path, markers: Path) -> None:
    """An IPython startup file that installs tests/fake_cuda.py in each kernel and leaves a file
    named after the kernel's pid in ``markers`` (so the test can tell it ran)."""
    startup = ipython_dir / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    markers.mkdir(exist_ok=True)
    tests = str(Path(__file__).resolve().parents[1])
    (startup / "00-pretend-gpu.py").write_text(
        "import os as _os, sys as _sys\n"
        f"_sys.path.insert(0, {tests!r})\n"
        "import fake_cuda as _fake_cuda\n"
        f"_sys.path.remove({tests!r})\n"
        "_fake_cuda.install()\n"
        f"open(_os.path.join({str(markers)!r}, str(_os.getpid())), 'w').close()\n"
        "del _os, _sys, _fake_cuda\n")


def pretended_gpu_kernels(lab) -> set[str]:
    return {p.name for p in (lab[2] / "pretend-gpu").iterdir()}


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium); .ci/run installs it")
    tmp = tmp_path_factory.mktemp("lab")
    workspace = tmp / "workspace"
    course.build_workspace(workspace, source=True)
    settings = tmp / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # Render every cell (no virtual scrolling) so that off-screen widgets are in the page.
    (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    apputils = tmp / "settings" / "@jupyterlab" / "apputils-extension"
    apputils.mkdir(parents=True)
    (apputils / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false"}))
    port, token = _free_port(), secrets.token_hex(16)
    # Every per-user Jupyter folder (workspaces, settings, runtime, IPython) lives under tmp:
    # the test never writes the user's ~/.jupyter (tests/browser/conftest.py checks).
    env = harness.isolated_env(tmp)
    env["JUPYTERLAB_SETTINGS_DIR"] = str(tmp / "settings")
    pretend_gpu_in_every_kernel(Path(env["IPYTHONDIR"]), tmp / "pretend-gpu")
    log = (tmp / "jupyterlab.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={workspace}",
         "--LabApp.expose_app_in_browser=True", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         "--ServerApp.port_retries=0", *(["--allow-root"] if os.geteuid() == 0 else [])],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.time() > deadline:
                    raise RuntimeError(f"JupyterLab did not start:\n{(tmp / 'jupyterlab.log').read_text()[-3000:]}")
                time.sleep(0.5)
        yield base, token, tmp
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(lab):
    from playwright.sync_api import sync_playwright

    tmp = lab[2]
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp / "chromium-profile"), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000})
        yield context
        context.close()


STATE_JS = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!w || !w.content || !w.content.model || !w.sessionContext.session) return null;
  const cells = w.content.model.cells;
  const out = {kernel: w.sessionContext.session.kernel ? w.sessionContext.session.kernel.status : 'none',
               code: 0, run: 0, errors: []};
  for (let i = 0; i < cells.length; i++) {
    const c = cells.get(i);
    if (c.type !== 'code') continue;
    out.code += 1;
    if (c.executionCount) out.run += 1;
    for (const o of c.outputs.toJSON()) {
      if (o.output_type === 'error') out.errors.push(`cell ${i}: ${o.ename}: ${String(o.evalue).slice(0, 300)}`);
    }
  }
  return out;
}"""


# A lesson runs in under 60 s on a quiet machine; here it shares two cores with the other worker
# and Chromium, in a kernel that pretends to have a GPU (lesson 16 took 178 s once in the full suite).
RUN_ALL_LIMIT_S = 360


def open_and_run_all(page, base: str, token: str, lesson: str) -> None:
    """Open a lesson, wait for its kernel, run all cells with JupyterLab's command, wait until done.

    Done: the kernel is idle and every code cell has run, or a cell raised (JupyterLab's run-all
    stops there; the caller reports the error). Under load the command can be issued before the
    notebook's kernel connection takes it: if nothing has run 30 s after it, it is issued again."""
    page.goto(f"{base}/lab/tree/{lesson}/{lesson}.ipynb?token={token}", wait_until="domcontentloaded")
    page.wait_for_function("() => { const s = (" + STATE_JS + ")(); return s && s.kernel === 'idle'; }",
                           timeout=240_000)
    run_all = "() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }"
    page.evaluate(run_all)  # not awaited: page.evaluate has no timeout of its own
    started = time.time()
    retried = False
    state = None
    while time.time() - started < RUN_ALL_LIMIT_S:
        page.wait_for_timeout(500)
        state = page.evaluate(STATE_JS)
        if not state or state["kernel"] != "idle":
            continue
        if state["run"] == state["code"] or state["errors"]:
            return
        if state["run"] == 0 and not retried and time.time() - started > 30:
            page.evaluate(run_all)
            retried = True
    page.screenshot(path=str(ARTIFACTS / f"browser-{lesson}-timeout.png"))
    raise AssertionError(f"{lesson}: run all did not finish in JupyterLab in {RUN_ALL_LIMIT_S} s: {state}")


def shutdown_kernels(page) -> None:
    """Shut down every kernel of the server, so finished lessons do not hold memory and CPU."""
    page.evaluate("() => window.jupyterapp.serviceManager.sessions.shutdownAll()")


def lesson_params():
    return course.lessons()


class LoadFlake(Exception):
    """A failure that heavy load on the machine produces, not the lesson: a page that does not
    answer in time, or a widget view created before its model reached the page."""


def run_lesson_in_browser(lab, browser, lesson) -> None:
    base, token, _ = lab
    kernels_before = pretended_gpu_kernels(lab)
    page = browser.new_page()
    try:
        try:
            open_and_run_all(page, base, token, lesson)
        except PlaywrightTimeout as error:
            raise LoadFlake(f"{lesson}: the page did not answer in time: {str(error).splitlines()[0]}") from None
        assert pretended_gpu_kernels(lab) - kernels_before, \
            f"{lesson}: its kernel did not install the pretended GPU (tests/fake_cuda.py): the device check did not run"
        page.wait_for_timeout(1500)  # let widget views finish rendering
        state = page.evaluate(STATE_JS)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"browser-{lesson}.png"), full_page=False)
        assert page.locator(".jp-OutputArea img").count() > 0, f"{lesson}: no plot was rendered as an image"
        assert not state["errors"], f"{lesson}: cells raised errors in JupyterLab: {state['errors']}"
        if page.get_by_text("Error displaying widget").count():
            raise LoadFlake(f"{lesson}: a widget failed to display")
        if not lesson.startswith("00"):
            controls = page.locator(".jp-OutputArea .widget-slider, .jp-OutputArea .widget-dropdown, "
                                    ".jp-OutputArea .widget-toggle-buttons, .jp-OutputArea .widget-button")
            assert controls.count() > 0, f"{lesson}: no widget control rendered"
            first = controls.first
            try:
                first.scroll_into_view_if_needed(timeout=120_000)
            except PlaywrightTimeout:
                raise LoadFlake(f"{lesson}: the page did not scroll to its first widget control in 120 s") from None
            assert first.is_visible(), f"{lesson}: the first widget control is not visible"
            page.screenshot(path=str(ARTIFACTS / f"browser-{lesson}-widget.png"), full_page=False)
    finally:
        shutdown_kernels(page)
        page.close()


@pytest.mark.parametrize("lesson", lesson_params())
def test_lesson_runs_in_jupyterlab(lab, browser, lesson):
    """A cell error fails at once. A failure of the kind load causes (see LoadFlake) gets one more
    try in a fresh page and kernel; the second must pass. Both workers may run lessons in their
    own JupyterLab and Chromium at once on two cores: a lesson once waited over 90 s for its
    kernel, and a widget view came up before its model (issue 22's full runs)."""
    try:
        run_lesson_in_browser(lab, browser, lesson)
    except LoadFlake as first:
        warnings.warn(f"{first}; tried once more")
        try:
            run_lesson_in_browser(lab, browser, lesson)
        except LoadFlake as second:
            raise AssertionError(f"{second} (twice; the first time: {first})") from None


def test_neuron_widget_answers_a_slider_move(lab, browser):
    """Lesson 01's sliders talk to the kernel: moving the bias slider redraws the table."""
    base, token, _ = lab
    lesson = "01_artificial_neuron"
    page = browser.new_page()
    try:
        open_and_run_all(page, base, token, lesson)
        bias = page.locator(".widget-slider", has_text="b (bias)").first
        bias.scroll_into_view_if_needed()
        readout = bias.locator(".widget-readout")
        table = page.locator(".widget-html-content table").first
        before_table = table.inner_html()
        assert readout.inner_text().strip() in ("-0.5", "−0.5"), readout.inner_text()
        handle = bias.locator(".noUi-handle").first
        box = handle.bounding_box()
        track = bias.locator(".noUi-target").first.bounding_box()
        # Drag the handle a sixth of the track to the left: the range is 6 wide, so b moves by about -1.
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x - track["width"] / 6, y, steps=8)
        page.mouse.up()
        moved = float(readout.inner_text().strip().replace("\u2212", "-"))
        assert moved < -0.5, f"the bias readout should have dropped below -0.5, shows {moved}"
        # The kernel redraws the table for each value the drag passed through; wait for the last one.
        # (The HTML widget replaces its table, so the locator is re-queried each time.)
        expected = f"<td>0, 0</td><td>{moved:+.2f}</td>"
        deadline = time.time() + 30
        while expected not in table.inner_html() and time.time() < deadline:
            page.wait_for_timeout(250)
        assert table.inner_html() != before_table
        assert expected in table.inner_html(), f"the table should show z = b = {moved:+.2f} for x = (0, 0)"
        page.screenshot(path=str(ARTIFACTS / "browser-neuron-widget-moved.png"))
    finally:
        shutdown_kernels(page)
        page.close()
