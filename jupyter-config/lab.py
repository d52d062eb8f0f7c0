"""Start the course's JupyterLab: `make lab` (the learner's) and `make instructor` (the instructor's).

    python jupyter-config/lab.py learner [--workspace workspace] [--port 8888]
    python jupyter-config/lab.py instructor [--port 8888]
    python jupyter-config/lab.py stop [--workspace workspace]     (make stop)

learner
    Copies the student version of every new lesson into the workspace (never overwriting a
    notebook already there) and opens JupyterLab on it with the learner's settings from
    ``jupyter-config/learner/``: no nbgrader instructor panels (Formgrader, Create Assignment,
    Assignment List, Courses; the Validate button stays; its dialog puts each failing check's message
    first, see nnlab_validate.py), no Jupyter news popup, and notebooks saved without live widgets
    (nnlab_widgets.py): a reopened lesson shows each widget's last plot and a note to re-run its
    cell, never controls connected to nothing, and opens without the unsaved marker.

instructor
    Opens JupyterLab on the repository itself, with the course's nbgrader configuration
    (``grading/nbgrader_config.py``) loaded by the Formgrader: the lessons, submissions and scores
    of ``grading/course/``. The lessons to edit are ``notebooks/<lesson>/<lesson>.ipynb``: those are
    what ``make release`` releases (clear their outputs before committing). The Formgrader's
    exchange is ``grading/course/exchange`` (``jupyter-config/instructor/nbgrader_config.py``), where
    ``make release`` releases too: the Formgrader lists a lesson as released after ``make release``.
    Its Manual Grading pages load MathJax from this server (``nnlab_formgrader_math.py``), not a CDN.

stop
    Stops the learner's server for the workspace (and the instructor's, if one runs), as
    Ctrl+C twice in its terminal would.

Both run JupyterLab from this environment on 127.0.0.1, with these settings added to the
Jupyter configuration path (``JUPYTER_CONFIG_PATH``): nothing is written to your ~/.jupyter.
Each role keeps JupyterLab's own state (the open tabs and layout, ``workspaces/``, and settings
changed in Settings, ``user-settings/``) in a folder of its own inside the project, which git
ignores: the learner's in ``<workspace>/.jupyterlab-learner/``, the instructor's in
``.jupyterlab-instructor/`` at the repository's root. So the two never reopen each other's tabs.
(JUPYTERLAB_WORKSPACES_DIR and JUPYTERLAB_SETTINGS_DIR, when set, still win.)
When a server for the same folder is already running, it says so and gives its URL
instead of starting a second one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GRADING = REPO / "grading"


def running_server(root_dir: Path, runtime_dir: str | None = None) -> dict | None:
    """The running Jupyter server whose root is ``root_dir`` (it answers on its URL), or None."""
    from jupyter_server.serverapp import list_running_servers

    root = Path(root_dir).resolve()
    for info in list_running_servers(runtime_dir):
        try:
            if Path(info.get("root_dir") or info.get("notebook_dir", "")).resolve() != root:
                continue
        except OSError:
            continue
        url = info["url"].rstrip("/")
        token = info.get("token", "")
        try:
            with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=3):
                pass
        except OSError:
            continue  # a stale file left by a server that died
        return info
    return None


def server_url(info: dict, path: str = "lab") -> str:
    token = info.get("token", "")
    return f"{info['url'].rstrip('/')}/{path}" + (f"?token={token}" if token else "")


def lab_command(mode: str, root_dir: Path, port: int, default_url: str, open_browser: bool = True) -> list[str]:
    cmd = [sys.executable, "-m", "jupyterlab", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
           f"--ServerApp.root_dir={root_dir}", f"--LabApp.default_url={default_url}",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           "--LabApp.extension_manager=readonly"]  # offline: the extension manager never asks PyPI
    if not open_browser:
        cmd.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    return cmd


def state_dir(mode: str, workspace: Path | None = None) -> Path:
    """Where JupyterLab keeps ``mode``'s open tabs and changed settings: its own folder in the project."""
    if mode == "learner":
        return Path(workspace or REPO / "workspace").resolve() / ".jupyterlab-learner"
    return REPO / ".jupyterlab-instructor"


def make_state_dir(folder: Path) -> Path:
    """Create ``folder`` with ``workspaces/`` and ``user-settings/``, and a .gitignore that ignores it all."""
    for sub in ("workspaces", "user-settings"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# JupyterLab's tabs and settings of one role (jupyter-config/lab.py): not course files\n*\n")
    return folder


def lab_environment(mode: str, base: dict | None = None, state: Path | None = None) -> dict:
    """The environment of the server: this mode's settings first on the Jupyter config path, and
    JupyterLab's workspaces and user settings in ``state`` (``state_dir``) unless already set."""
    env = dict(os.environ if base is None else base)
    if state is not None:
        env.setdefault("JUPYTERLAB_WORKSPACES_DIR", str(Path(state) / "workspaces"))
        env.setdefault("JUPYTERLAB_SETTINGS_DIR", str(Path(state) / "user-settings"))
    extra = env.get("JUPYTER_CONFIG_PATH")
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join([str(HERE / mode)] + ([extra] if extra else []))
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    # nnlab_validate (the Validate dialog) and nnlab_widgets (the pre-save hook) live in this folder.
    env["PYTHONPATH"] = os.pathsep.join([str(HERE)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    return env


def here_command(program: str) -> str:
    """How to run this environment's ``program`` from the current folder, as a learner would type it."""
    path = Path(sys.executable).parent / program
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive
        rel = str(path)
    rel = rel if len(rel) <= len(str(path)) else str(path)
    return rel if os.sep in rel else f".{os.sep}{rel}"


def stop_hint(info: dict) -> str:
    """The ways to stop a running server, each one a command that works as printed."""
    return (f"To stop it: press Ctrl+C twice in its terminal, or run `make stop` in {REPO}, or "
            f"`{here_command('jupyter')} server stop {info.get('port')}`.")


def shutdown(info: dict) -> bool:
    """Ask a running server to shut down (what `jupyter server stop` does); True when it answered."""
    url = info["url"].rstrip("/") + "/api/shutdown"
    request = urllib.request.Request(url, method="POST", data=b"",
                                     headers={"Authorization": f"token {info.get('token', '')}"})
    try:
        with urllib.request.urlopen(request, timeout=10):
            return True
    except OSError:
        return False


def plan(mode: str, workspace: Path | None = None) -> tuple[Path, Path, str]:
    """(root_dir, working directory, default URL) of the server for ``mode``."""
    if mode == "learner":
        root = Path(workspace or REPO / "workspace").resolve()
        first = sorted(root.glob("00_*/00_*.ipynb"))
        default = f"/lab/tree/{first[0].relative_to(root).as_posix()}" if first else "/lab"
        return root, root, default
    # The formgrader reads nbgrader_config.py from the server's working directory; the course
    # root (grading/course) and the lessons (notebooks/) must lie inside the server's root.
    return REPO, GRADING, "/lab/tree/notebooks"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="jupyter-config/lab.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["learner", "instructor", "stop"])
    parser.add_argument("--workspace", type=Path, default=REPO / "workspace", help="the learner's folder")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8888")))
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    parser.add_argument("--check", action="store_true",
                        help="print the command and settings instead of starting (exit 3 if one is running)")
    args, extra = parser.parse_known_args(argv)  # other options (--LabApp.x=y) go to JupyterLab

    if args.mode == "stop":
        stopped = 0
        for mode in ("learner", "instructor"):
            info = running_server(plan(mode, args.workspace)[0])
            if info is not None and shutdown(info):
                print(f"stopped the {mode}'s JupyterLab on port {info.get('port')} (pid {info.get('pid')})")
                stopped += 1
        if not stopped:
            print("no JupyterLab of this course is running")
        return 0
    if args.mode == "learner":
        sys.path.insert(0, str(GRADING))
        import course

        copied = course.build_workspace(args.workspace)
        print(f"workspace {args.workspace}: {len(copied)} new files copied, your notebooks kept")
    root, cwd, default_url = plan(args.mode, args.workspace)
    info = running_server(root)
    if info is not None:
        print(f"A JupyterLab server for {root} is already running (pid {info.get('pid')}):\n\n"
              f"    {server_url(info)}\n\n"
              f"Open that URL (it is the same workspace). {stop_hint(info)}", flush=True)
        return 3 if args.check else 0
    cmd = lab_command(args.mode, root, args.port, default_url, open_browser=not args.no_browser) + extra
    state = state_dir(args.mode, args.workspace)
    env = lab_environment(args.mode, state=state)
    if args.check:
        print(json.dumps({"cmd": cmd, "cwd": str(cwd), "JUPYTER_CONFIG_PATH": env["JUPYTER_CONFIG_PATH"],
                          "JUPYTERLAB_WORKSPACES_DIR": env["JUPYTERLAB_WORKSPACES_DIR"],
                          "JUPYTERLAB_SETTINGS_DIR": env["JUPYTERLAB_SETTINGS_DIR"]}))
        return 0
    make_state_dir(state)
    if args.mode == "instructor":
        # The Formgrader's exchange (jupyter-config/instructor/nbgrader_config.py) must exist, or it
        # warns that it does not and shows every lesson as a draft.
        (GRADING / "course" / "exchange").mkdir(parents=True, exist_ok=True)
    print(f"Starting JupyterLab on http://127.0.0.1:{args.port} (its URL with the token follows). "
          f"To stop it: Ctrl+C twice here, or `make stop` in {REPO} from another terminal.", flush=True)
    os.chdir(cwd)
    os.execvpe(cmd[0], cmd, env)  # the server replaces this process: Ctrl+C stops it as usual
    return 0  # not reached


if __name__ == "__main__":
    raise SystemExit(main())
