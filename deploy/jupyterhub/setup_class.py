"""Prepare (or remove) one class on this server: accounts, exchange, the grader's course folder.

Run as root, with the class file (see class.example.toml):

    sudo .venv/bin/python deploy/jupyterhub/setup_class.py setup /etc/nnlab/class.toml
    sudo .venv/bin/python deploy/jupyterhub/setup_class.py check /etc/nnlab/class.toml   (make hub runs it)
    sudo .venv/bin/python deploy/jupyterhub/setup_class.py remove /etc/nnlab/class.toml --yes

``setup`` can be run again after adding students to the class file: it creates what is missing,
puts every permission back, and never overwrites a lesson the instructor has edited in
``source/``. Restart the hub afterwards so it loads the new accounts into its groups.

What it sets up, and why (the permission model of the exchange is in nnlab_exchange.py):

| path | owner | mode | why |
| --- | --- | --- | --- |
| /home/<each account> | the account | 0700 | no one reads another person's work |
| <exchange> | root | 0755 | traversable, not writable |
| <exchange>/<course> | grader | 0755 | |
| .../outbound | grader | 0755 | released lessons, read-only for students |
| .../inbound | grader | 3733 | students create submissions, cannot list (o-r), rename or delete (sticky) others' |
| .../feedback | grader | 0711 | students fetch their own feedback by its secret name, cannot list |
| /home/<grader>/<course> | grader | (in a 0700 home) | source with hidden tests, gradebook, autograded work |
| <state_dir> | root | 0700 | the hub's database and cookie secret |
"""

from __future__ import annotations

import argparse
import grp
import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nnlab_class import REPO, ClassSpec, load  # noqa: E402

NOTEBOOKS = REPO / "notebooks"

COURSE_CONFIG = '''\
"""nbgrader configuration of course {course!r} on the hub (written by deploy/jupyterhub/setup_class.py)."""

c = get_config()  # noqa: F821
# The course's own grading settings (timeouts, feedback without hidden tests, ...) ...
load_subconfig({grading_config!r})  # noqa: F821
# ... applied to this course folder, with its private copy of the lessons.
c.CourseDirectory.course_id = {course!r}
c.CourseDirectory.root = {root!r}
c.CourseDirectory.source_directory = "source"
'''


def _account_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def _chown(path: Path, user: str) -> None:
    entry = pwd.getpwnam(user)
    os.chown(path, entry.pw_uid, entry.pw_gid)


def _directory(path: Path, owner: str, mode: int) -> None:
    path.mkdir(parents=True, exist_ok=True)
    _chown(path, owner)
    os.chmod(path, mode)


def create_account(name: str) -> None:
    """A Unix account with its own group and a private home (0700)."""
    if not _account_exists(name):
        subprocess.run(["useradd", "--create-home", "--user-group", "--shell", "/bin/bash", name], check=True)
    home = Path(pwd.getpwnam(name).pw_dir)
    _directory(home, name, 0o700)


def setup_exchange(spec: ClassSpec) -> Path:
    root = Path(spec.exchange)
    _directory(root, "root", 0o755)
    course = root / spec.course_id
    _directory(course, spec.grader, 0o755)
    _directory(course / "outbound", spec.grader, 0o755)
    _directory(course / "inbound", spec.grader, 0o3733)
    _directory(course / "feedback", spec.grader, 0o711)
    return course


def setup_course(spec: ClassSpec, repo: Path = REPO) -> Path:
    """The grader's course folder: nbgrader_config.py and source/<lesson>/ copied from ``repo``/notebooks/.

    ``repo`` is the checkout the hub runs from (default: the one holding this file); its
    grading/ must be readable by the grader account.
    """
    notebooks = repo / "notebooks"
    course = spec.course_dir
    source = course / "source"
    source.mkdir(parents=True, exist_ok=True)
    if spec.lessons == ("*",):
        lessons = sorted(p.name for p in notebooks.iterdir() if (p / f"{p.name}.ipynb").exists())
    else:
        lessons = list(spec.lessons)
    for lesson in lessons:
        if not (notebooks / lesson / f"{lesson}.ipynb").exists():
            raise SystemExit(f"class file: lesson {lesson!r} not found in {notebooks}")
        if not (source / lesson).exists():  # never overwrite the instructor's edits
            shutil.copytree(notebooks / lesson, source / lesson,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    (course / "nbgrader_config.py").write_text(COURSE_CONFIG.format(
        course=spec.course_id, root=str(course), grading_config=str(repo / "grading" / "nbgrader_config.py")))
    entry = pwd.getpwnam(spec.grader)
    for dirpath, dirnames, filenames in os.walk(course):
        os.chown(dirpath, entry.pw_uid, entry.pw_gid)
        for name in filenames:
            os.chown(os.path.join(dirpath, name), entry.pw_uid, entry.pw_gid)
    return course


def setup(spec: ClassSpec, repo: Path = REPO) -> None:
    for name in (spec.grader, *spec.instructors, *spec.students):
        create_account(name)
    setup_exchange(spec)
    setup_course(spec, repo)
    _directory(Path(spec.state_dir), "root", 0o700)


def _pids_of(uid: int) -> list[int]:
    """Live processes of ``uid`` (zombies, already dead and waiting for their parent, excluded)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid and (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
                    pids.append(int(entry.name))
            except (FileNotFoundError, ProcessLookupError, IndexError):
                pass
    return pids


def stop_processes(names: list[str], timeout: float = 10.0) -> None:
    """Stop every process running as these accounts (servers, kernels), by process id.

    SIGTERM to all of them at once, then SIGKILL to what is still running after ``timeout``.
    """
    uids = {pwd.getpwnam(n).pw_uid for n in names if _account_exists(n)}

    def running() -> list[int]:
        return [pid for uid in uids for pid in _pids_of(uid)]

    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in running():
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + timeout
        while running() and time.monotonic() < deadline:
            time.sleep(0.1)
        if not running():
            return


def remove(spec: ClassSpec) -> None:
    """Delete the class: its accounts with their homes, its exchange folder and the hub's state."""
    accounts = [spec.grader, *spec.instructors, *spec.students]
    stop_processes(accounts)
    for name in accounts:
        if _account_exists(name):
            subprocess.run(["userdel", "--remove", name], check=False, capture_output=True)
            try:
                grp.getgrnam(name)
                subprocess.run(["groupdel", name], check=False, capture_output=True)
            except KeyError:
                pass
    shutil.rmtree(Path(spec.exchange) / spec.course_id, ignore_errors=True)
    shutil.rmtree(spec.state_dir, ignore_errors=True)


def check(spec: ClassSpec) -> list[str]:
    """What is missing before the hub can start (empty when the class is set up)."""
    problems = [f"no Unix account {name!r}" for name in (spec.grader, *spec.users) if not _account_exists(name)]
    inbound = Path(spec.exchange) / spec.course_id / "inbound"
    if not inbound.is_dir() or inbound.stat().st_mode & 0o7777 != 0o3733:
        problems.append(f"exchange {inbound} missing or not 3733")
    if not (spec.course_dir / "nbgrader_config.py").exists():
        problems.append(f"no course folder {spec.course_dir}")
    if not Path(spec.state_dir).is_dir():
        problems.append(f"no state folder {spec.state_dir}")
    return problems


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["setup", "check", "remove"])
    parser.add_argument("class_file")
    parser.add_argument("--yes", action="store_true", help="confirm `remove` (deletes accounts and their homes)")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        raise SystemExit("setup_class.py creates Unix accounts and sets ownership: run it as root (sudo)")
    spec = load(args.class_file)
    if args.action == "check":
        exposed = [p for p in (NOTEBOOKS, REPO / "grading" / "wrong_answers", REPO / ".git")
                   if p.exists() and p.stat().st_mode & 0o005]
        if exposed:
            print("warning: other accounts can read " + ", ".join(str(p) for p in exposed) +
                  " (solutions, hidden tests): chmod -R go= them on a class server", file=sys.stderr)
        problems = check(spec)
        if problems:
            raise SystemExit(f"class {args.class_file} is not set up: " + "; ".join(problems) +
                             f". Run: sudo {sys.executable} {__file__} setup {args.class_file}")
    elif args.action == "setup":
        setup(spec)
        print(f"class {spec.course_id!r}: {len(spec.students)} students, {len(spec.instructors)} instructors, "
              f"grader {spec.grader!r}; course folder {spec.course_dir}; exchange {spec.exchange}")
    else:
        if not args.yes:
            raise SystemExit("remove deletes the accounts of the class file and their homes: add --yes")
        remove(spec)


if __name__ == "__main__":
    main()
