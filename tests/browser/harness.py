"""Shared pieces of the browser tests: an isolated Jupyter environment, servers, Chromium.

Every server a test starts gets its own config, data, runtime, settings and workspaces
folders and its own IPYTHONDIR under the test's temporary folder, so nothing lands in the
user's ~/.jupyter (a test that saved its layout there once made a learner's next /lab open
five lessons with five kernels).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import course

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = course.REPO / "test-artifacts"
LAB_SCRIPT = course.REPO / "jupyter-config" / "lab.py"
# Where JupyterLab keeps a user's layout and settings. (Not ~/.ipython or the runtime folder:
# kernels of other tests, running at the same time on the other worker, write there.)
USER_DIRS = [Path.home() / ".jupyter" / "lab"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def isolated_env(tmp: Path, base: dict | None = None) -> dict:
    """os.environ with every per-user Jupyter and IPython folder moved under ``tmp``."""
    env = dict(os.environ if base is None else base)
    for var, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                     ("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTERLAB_SETTINGS_DIR", "lab-settings"),
                     ("JUPYTERLAB_WORKSPACES_DIR", "lab-workspaces"), ("IPYTHONDIR", "ipython")):
        env[var] = str(tmp / "jupyter-home" / sub)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.pop("JUPYTER_CONFIG_PATH", None)
    # The tests' own user setting: render every cell (no virtual scrolling) so that the
    # outputs of cells far down a lesson are in the page.
    tracker = Path(env["JUPYTERLAB_SETTINGS_DIR"]) / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True, exist_ok=True)
    (tracker / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    return env


def snapshot_user_dirs() -> dict[str, float]:
    """{path: mtime} of every file and folder in the user's JupyterLab workspaces and settings."""
    seen: dict[str, float] = {}
    for root in USER_DIRS:
        if not root.exists():
            continue
        for path in [root, *root.rglob("*")]:
            try:
                seen[str(path)] = path.stat().st_mtime
            except OSError:
                pass
    return seen


def load_lab_module(path: Path = LAB_SCRIPT):
    spec = importlib.util.spec_from_file_location(f"nnlab_lab_{abs(hash(str(path)))}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def start_lab(mode: str, tmp: Path, *, lab_script: Path = LAB_SCRIPT, workspace: Path | None = None,
              timeout: float = 300):
    """Run ``lab.py MODE`` exactly as the Makefile does (plus --no-browser) in an isolated environment.

    Returns (process, base URL, token, env, log path); stop it with :func:`stop`.
    """
    env = isolated_env(tmp)
    port = free_port()
    cmd = [sys.executable, str(lab_script), mode, "--port", str(port), "--no-browser",
           "--LabApp.expose_app_in_browser=True"]  # the tests read JupyterLab's state through window.jupyterapp
    if workspace is not None:
        cmd += ["--workspace", str(workspace)]
    log_path = tmp / f"{mode}-lab.log"
    log = log_path.open("w")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp)
    lab = load_lab_module(lab_script)
    deadline = time.time() + timeout
    try:
        while True:
            from jupyter_server.serverapp import list_running_servers

            infos = [i for i in list_running_servers(env["JUPYTER_RUNTIME_DIR"]) if i.get("port") == port]
            if infos:
                info = infos[0]
                try:
                    urllib.request.urlopen(f"{info['url'].rstrip('/')}/api/status?token={info['token']}", timeout=3)
                    return proc, info["url"].rstrip("/"), info["token"], env, log_path
                except OSError:
                    pass
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError(f"`lab.py {mode}` did not start a server:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.5)
    except BaseException:
        stop(proc)
        raise
    finally:
        del lab


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def launch_chromium(playwright, profile: Path):
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
        viewport={"width": 1400, "height": 1000})


STATE_JS = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!w || !w.content || !w.content.model || !w.sessionContext || !w.sessionContext.session) return null;
  const cells = w.content.model.cells;
  const out = {kernel: w.sessionContext.session.kernel ? w.sessionContext.session.kernel.status : 'none',
               dirty: w.content.model.dirty, code: 0, run: 0};
  for (let i = 0; i < cells.length; i++) {
    const c = cells.get(i);
    if (c.type !== 'code') continue;
    out.code += 1;
    if (c.executionCount) out.run += 1;
  }
  return out;
}"""


def open_notebook(page, base: str, token: str, path: str) -> None:
    """Open a notebook in JupyterLab and wait until its kernel is idle."""
    page.goto(f"{base}/lab/tree/{path}?token={token}", wait_until="domcontentloaded")
    page.wait_for_function("() => { const s = (" + STATE_JS + ")(); return s && s.kernel === 'idle'; }",
                           timeout=90_000)


def cell_index(page, *, grade_id: str | None = None, contains: str | None = None) -> int:
    """Index of the first cell with this nbgrader grade_id, or whose source contains ``contains``."""
    return page.evaluate("""([gid, text]) => {
      const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
      for (let i = 0; i < cells.length; i++) {
        const c = cells.get(i);
        const nb = c.getMetadata ? c.getMetadata('nbgrader') : null;
        if (gid !== null && nb && nb.grade_id === gid) return i;
        if (text !== null && c.sharedModel.getSource().includes(text)) return i;
      }
      return -1;
    }""", [grade_id, contains])


def set_source(page, index: int, source: str) -> None:
    page.evaluate("([i, s]) => window.jupyterapp.shell.currentWidget.content.model.cells.get(i).sharedModel.setSource(s)",
                  [index, source])


def run_cell(page, index: int, timeout: float = 60_000) -> None:
    """Run one cell through JupyterLab's own command and wait until the kernel is idle again."""
    before = page.evaluate("(i) => window.jupyterapp.shell.currentWidget.content.model.cells.get(i).executionCount || 0",
                           index)
    page.evaluate("""(i) => { const nb = window.jupyterapp.shell.currentWidget.content;
                              nb.activeCellIndex = i; window.jupyterapp.commands.execute('notebook:run-cell'); }""",
                  index)
    page.wait_for_function("""([i, before]) => {
        const w = window.jupyterapp.shell.currentWidget;
        const c = w.content.model.cells.get(i);
        return (c.executionCount || 0) !== before && c.executionCount !== null
               && w.sessionContext.session.kernel.status === 'idle';
    }""", arg=[index, before], timeout=timeout, polling=250)


def cells(page):
    """The cells of the notebook in the current tab (other open notebooks' cells are in the page too)."""
    panel = page.evaluate("() => window.jupyterapp.shell.currentWidget.id")
    return page.locator(f"[id='{panel}'] .jp-Cell")


def output_text(page, index: int) -> str:
    """The text the learner sees in a cell's output area."""
    return cells(page).nth(index).locator(".jp-OutputArea").inner_text()
