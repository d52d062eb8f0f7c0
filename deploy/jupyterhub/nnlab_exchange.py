"""nbgrader's default exchange, with the permissions a class on one server needs.

nbgrader's file-system exchange keeps students apart with Unix permissions. Four of its
defaults are looser than a class needs; these subclasses tighten them and change nothing else
(every class is selected through ``ExchangeFactory`` in ``config/common/nbgrader_config.py``):

| what | nbgrader 0.9.6 | here |
| --- | --- | --- |
| exchange root | ``release`` chmods it to 0777, and every command refuses to run unless the user can write it | created by root, 0755; commands only need to traverse it (students write into ``<course>/inbound`` only) |
| a submission folder | 0777 ("hidden by the timestamp"): anyone who learns its name can change it | 0770: the student and the grader's group (``inbound`` is set-group-ID), nobody else |
| ``inbound`` | 2733: another student who learns a submission's name can rename or delete it | 3733 (sticky, set up by ``setup_class.py``): only its owner or the grader can |
| submitting as someone else (``nbgrader submit --student=alice`` run by bob) | ``collect`` warns and grades it as alice's | ``collect`` skips it and logs an error: a submission counts only when its owner is the student it names |
| what ``collect`` copies (as the grader) | ``shutil.copytree``: follows symbolic links (a link to the grader's source notebook is graded as the student's), copies hard links, FIFOs block it | only regular files with one name (no hard link), owned by the student, in folders the student owns, under the size limits; anything else refuses the whole submission with a log line naming it and why; nothing is followed (``O_NOFOLLOW`` + ``fstat`` of what was opened) |
| what ``release_assignment`` / ``release_feedback`` write (as the grader) | ``copytree`` / ``shutil.copy`` | the same checks on what is read (the grader's own files), and writes that never follow a link: new files ``O_CREAT|O_EXCL|O_NOFOLLOW`` in folders opened ``O_NOFOLLOW``, renamed into place |

Feedback keeps nbgrader's design: ``<course>/feedback`` is 0711 (no listing) and each file is
named by a hash of a 512-bit secret that only the submitting student and the grader can read.
"""

from __future__ import annotations

import errno
import fnmatch
import glob
import os
import pwd
import re
import secrets
import shutil
import stat
from collections import defaultdict

from nbgrader.exchange.default import (
    Exchange,
    ExchangeCollect,
    ExchangeFetchAssignment,
    ExchangeFetchFeedback,
    ExchangeList,
    ExchangeReleaseAssignment,
    ExchangeReleaseFeedback,
    ExchangeSubmit,
)
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.utils import check_directory, check_mode, notebook_hash

SUBMISSION_MODE = 0o770
_CHUNK = 1 << 20


class Refused(Exception):
    """What the grader account will not copy (the message says which file and why)."""


def _who(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a folder"), (stat.S_ISREG, "a regular file"),
                       (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return f"a file of type {stat.S_IFMT(mode):o}"


_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def open_owned_dir(name: str, dir_fd: int | None, owner_uid: int, what: str) -> int:
    """Open the folder ``name`` (relative to ``dir_fd``) without following a link; it must belong to ``owner_uid``."""
    try:
        fd = os.open(name, _DIR_FLAGS, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
            st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
            raise Refused(f"{what} is {_kind(st.st_mode)}, not a folder") from None
        raise
    st = os.fstat(fd)
    if st.st_uid != owner_uid:
        os.close(fd)
        raise Refused(f"{what} belongs to {_who(st.st_uid)}, not {_who(owner_uid)}")
    return fd


def open_owned_file(name: str, dir_fd: int, owner_uid: int, what: str, max_bytes: int) -> int:
    """Open a file to read, refusing anything but one regular file of ``owner_uid`` (one name, not too large).

    lstat first (so a FIFO or device is never opened), then open with O_NOFOLLOW | O_NONBLOCK and
    check what was actually opened with fstat (a file swapped in between is caught there).
    """
    st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    if not stat.S_ISREG(st.st_mode):
        raise Refused(f"{what} is {_kind(st.st_mode)} (only regular files are copied)")
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Refused(f"{what} is a symbolic link (only regular files are copied)") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Refused(f"{what} is {_kind(st.st_mode)} (only regular files are copied)")
        if st.st_nlink != 1:
            raise Refused(f"{what} is a hard link ({st.st_nlink} names for one file; only files with one name "
                          "are copied)")
        if st.st_uid != owner_uid:
            raise Refused(f"{what} belongs to {_who(st.st_uid)}, not {_who(owner_uid)}")
        if st.st_size > max_bytes:
            raise Refused(f"{what} is {st.st_size} bytes, over the limit of {max_bytes} bytes")
    except BaseException:
        os.close(fd)
        raise
    return fd


def _copy_fd(src_fd: int, name: str, dest_dir_fd: int, mode: int, max_bytes: int, what: str) -> int:
    """Copy an open file into a new file ``name`` of ``dest_dir_fd`` (never an existing file or a link)."""
    out = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, mode, dir_fd=dest_dir_fd)
    copied = 0
    try:
        while chunk := os.read(src_fd, _CHUNK):
            copied += len(chunk)
            if copied > max_bytes:  # it grew while being copied
                raise Refused(f"{what} grew over the limit of {max_bytes} bytes while being copied")
            view = memoryview(chunk)
            while view:
                view = view[os.write(out, view):]
    finally:
        os.close(out)
    return copied


def safe_copy_tree(src: str, dest: str, owner_uid: int, *, max_file_bytes: int, max_total_bytes: int,
                   exclude: tuple[str, ...] = (), file_mode: int = 0o644, dir_mode: int = 0o755) -> list[str]:
    """Copy the folder ``src`` to a new folder ``dest``, following nothing; returns the files copied.

    Every folder and file of ``src`` must belong to ``owner_uid``; only regular files with a single
    name (no hard links) up to ``max_file_bytes``, at most ``max_total_bytes`` in all, are copied.
    Names matching ``exclude`` (nbgrader's ``CourseDirectory.ignore``) are skipped without being
    opened. Anything else raises ``Refused`` and nothing is left at ``dest``.
    """
    parent, base = os.path.split(os.path.abspath(src))
    parent_fd = os.open(parent, _DIR_FLAGS & ~os.O_NOFOLLOW)  # the exchange's inbound (or the grader's folder)
    os.mkdir(dest, 0o700)
    copied: list[str] = []
    total = [0]

    def walk(src_fd: int, dest_fd: int, rel: str) -> None:
        for name in sorted(os.listdir(src_fd)):
            if any(fnmatch.fnmatch(name, pattern) for pattern in exclude):
                continue
            path = f"{rel}/{name}" if rel else name
            what = f"{path!r}"
            st = os.stat(name, dir_fd=src_fd, follow_symlinks=False)
            if stat.S_ISDIR(st.st_mode):
                sub = open_owned_dir(name, src_fd, owner_uid, what)
                try:
                    os.mkdir(name, dir_mode, dir_fd=dest_fd)
                    sub_dest = os.open(name, _DIR_FLAGS, dir_fd=dest_fd)
                    try:
                        walk(sub, sub_dest, path)
                    finally:
                        os.close(sub_dest)
                finally:
                    os.close(sub)
                continue
            fd = open_owned_file(name, src_fd, owner_uid, what, max_file_bytes)
            try:
                total[0] += _copy_fd(fd, name, dest_fd, file_mode, max_file_bytes, what)
            finally:
                os.close(fd)
            if total[0] > max_total_bytes:
                raise Refused(f"the files add up to more than the limit of {max_total_bytes} bytes")
            copied.append(path)

    try:
        src_fd = open_owned_dir(base, parent_fd, owner_uid, "the folder")
        try:
            dest_fd = os.open(dest, _DIR_FLAGS)
            try:
                walk(src_fd, dest_fd, "")
            finally:
                os.close(dest_fd)
        finally:
            os.close(src_fd)
        os.chmod(dest, dir_mode)
    except BaseException:
        shutil.rmtree(dest, ignore_errors=True)
        raise
    finally:
        os.close(parent_fd)
    return copied


class _SafeCopy:
    """do_copy that follows nothing and copies only what ``owner`` owns (the grader's own files here)."""

    def _limits(self) -> dict:
        return {"max_file_bytes": 1000 * self.coursedir.max_file_size,
                "max_total_bytes": 1000 * self.coursedir.max_dir_size,
                "exclude": tuple(self.coursedir.ignore)}

    def do_copy(self, src, dest, log=None):
        try:
            safe_copy_tree(src, dest, os.geteuid(), **self._limits())
        except Refused as exc:
            self.fail(f"Not copying {src}: {exc}.")


class _TraversableRoot:
    """The exchange root must exist and be traversable; it is never made world-writable."""

    def ensure_root(self) -> None:
        if not check_directory(self.root, execute=True):
            self.fail(
                f"The exchange {self.root} does not exist or cannot be entered. "
                "Ask your instructor (it is created by deploy/jupyterhub/setup_class.py)."
            )


class NNLabExchange(_TraversableRoot, Exchange):
    pass


class NNLabFetchAssignment(_TraversableRoot, ExchangeFetchAssignment):
    pass


class NNLabFetchFeedback(_TraversableRoot, ExchangeFetchFeedback):
    pass


class NNLabList(_TraversableRoot, ExchangeList):
    pass


class NNLabReleaseAssignment(_TraversableRoot, _SafeCopy, ExchangeReleaseAssignment):
    """Release as nbgrader does; the copy follows no link and takes only the grader's own regular files."""


class NNLabReleaseFeedback(_TraversableRoot, ExchangeReleaseFeedback):
    """Release feedback as nbgrader does, reading and writing without following any link.

    Reads ``feedback/<student>/<lesson>/`` of the grader's course folder (each file must be the
    grader's own regular file) and writes ``<exchange>/<course>/feedback/<hash>.html`` as a new
    file (``O_EXCL | O_NOFOLLOW``) in that folder, opened without following a link and owned by
    the grader, then renamed over the previous feedback.
    """

    def _read(self, folder_fd: int, name: str, what: str, max_bytes: int) -> bytes:
        fd = open_owned_file(name, folder_fd, os.geteuid(), what, max_bytes)
        try:
            with os.fdopen(fd, "rb", closefd=False) as fh:
                return fh.read(max_bytes + 1)
        finally:
            os.close(fd)

    def copy_files(self):
        exclude = set(self.coursedir.student_id_exclude.split(",")) if self.coursedir.student_id_exclude else set()
        pattern = re.escape(os.path.sep).join([
            self.coursedir.format_path(self.coursedir.feedback_directory, "(?P<student_id>.*)",
                                       self.coursedir.assignment_id, escape=True),
            "(?P<notebook_id>.*).html"])
        max_bytes = 1000 * self.coursedir.max_file_size
        me = os.geteuid()
        try:
            out_fd = open_owned_dir(self.dest_path, None, me, f"the feedback folder {self.dest_path}")
        except Refused as exc:
            self.fail(f"Not releasing feedback: {exc}.")
        try:
            for html_file in sorted(glob.glob(os.path.join(self.src_path, "*.html"))):
                m = re.match(pattern, html_file)
                if m is None:
                    self.log.error("Could not match '%s' with regexp '%s'", html_file, pattern)
                    continue
                student_id, notebook_id = m.group("student_id"), m.group("notebook_id")
                if student_id in exclude:
                    continue
                folder, name = os.path.split(html_file)
                try:
                    folder_fd = open_owned_dir(folder, None, me, f"the feedback folder {folder}")
                    try:
                        timestamp = self._read(folder_fd, "timestamp.txt", "timestamp.txt", 4096).decode()
                        secret = self._read(folder_fd, "submission_secret.txt", "submission_secret.txt", 4096).decode()
                        checksum = notebook_hash(secret=secret, notebook_id=notebook_id)
                        src_fd = open_owned_file(name, folder_fd, me, f"{html_file!r}", max_bytes)
                        tmp = f".{checksum}-{secrets.token_hex(8)}.tmp"
                        try:
                            _copy_fd(src_fd, tmp, out_fd, 0o644, max_bytes, f"{html_file!r}")
                        finally:
                            os.close(src_fd)
                        os.rename(tmp, f"{checksum}.html", src_dir_fd=out_fd, dst_dir_fd=out_fd)
                    finally:
                        os.close(folder_fd)
                except Refused as exc:
                    self.log.error("Not releasing the feedback of %r on %s/%s: %s", student_id,
                                   self.coursedir.assignment_id, notebook_id, exc)
                    continue
                self.log.info("Releasing feedback for student '%s' on assignment '%s/%s/%s' (%s)", student_id,
                              self.coursedir.course_id, self.coursedir.assignment_id, notebook_id, timestamp)
                self.log.info("Feedback released to: %s", os.path.join(self.dest_path, f"{checksum}.html"))
        finally:
            os.close(out_fd)


class NNLabSubmit(_TraversableRoot, ExchangeSubmit):
    """Submit as nbgrader does, then close the submission folder to everyone but the grader."""

    def copy_files(self) -> None:
        super().copy_files()
        os.chmod(os.path.join(self.inbound_path, self.assignment_filename), SUBMISSION_MODE)


class NNLabCollect(_TraversableRoot, ExchangeCollect):
    """Collect the latest submission of each student, counting only the ones they own."""

    def _owner(self, path: str) -> str:
        return _who(os.lstat(path).st_uid)  # a link planted in inbound is the planter's, never its target's

    def do_copy(self, src, dest, log=None):
        """Copy one submission following nothing: only what its student owns (see safe_copy_tree)."""
        name = os.path.basename(src)
        student = name.split("+", 1)[0]
        try:
            uid = pwd.getpwnam(student).pw_uid
            copied = safe_copy_tree(src, dest, uid, **_SafeCopy._limits(self))
        except KeyError:
            self.log.error("Refused submission %s: no account %r", name, student)
        except Refused as exc:
            self.log.error("Refused submission %s of %r: %s; nothing of it is collected.", name, student, exc)
            try:
                os.rmdir(os.path.dirname(dest))  # submitted/<student>/, when this was all it would hold
            except OSError:
                pass
        else:
            self.log.info("Collected %s: %s", name, ", ".join(copied))

    def init_src(self) -> None:
        if self.coursedir.course_id == "":
            self.fail("No course id specified. Re-run with --course flag.")
        self.course_path = os.path.join(self.root, self.coursedir.course_id)
        self.inbound_path = os.path.join(self.course_path, "inbound")
        if not os.path.isdir(self.inbound_path):
            self.fail(f"Course not found: {self.inbound_path}")
        if not check_mode(self.inbound_path, read=True, execute=True):
            self.fail(f"You don't have read permissions for the directory: {self.inbound_path}")
        student_id = self.coursedir.student_id or "*"
        pattern = os.path.join(self.inbound_path, f"{student_id}+{self.coursedir.assignment_id}+*")

        by_student: dict[str, list[dict]] = defaultdict(list)
        for path in glob.glob(pattern):
            record = self._path_to_record(path)
            owner = self._owner(path)
            if owner != record["username"]:
                self.log.error(
                    "Skipping %s: it claims to be a submission of %r but belongs to %r "
                    "(a submission counts only when its owner is the student it names).",
                    path, record["username"], owner)
                continue
            by_student[record["username"]].append(record)

        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
            try:
                self.duedate = gb.find_assignment(self.coursedir.assignment_id).duedate
            except MissingEntry:
                self.duedate = None
        self.src_records = []
        for records in by_student.values():
            records = self._sort_by_timestamp(records)
            if self.duedate is not None and self.before_duedate:
                on_time = [r for r in records if r["timestamp"] <= self.duedate]
                records = on_time or records
            self.src_records.append(records[0])


FACTORY = {
    "exchange": NNLabExchange,
    "fetch_assignment": NNLabFetchAssignment,
    "fetch_feedback": NNLabFetchFeedback,
    "release_assignment": NNLabReleaseAssignment,
    "release_feedback": NNLabReleaseFeedback,
    "list": NNLabList,
    "submit": NNLabSubmit,
    "collect": NNLabCollect,
}
