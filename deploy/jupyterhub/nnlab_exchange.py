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

Feedback keeps nbgrader's design: ``<course>/feedback`` is 0711 (no listing) and each file is
named by a hash of a 512-bit secret that only the submitting student and the grader can read.
"""

from __future__ import annotations

import glob
import os
import pwd
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
from nbgrader.utils import check_directory, check_mode

SUBMISSION_MODE = 0o770


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


class NNLabReleaseAssignment(_TraversableRoot, ExchangeReleaseAssignment):
    pass


class NNLabReleaseFeedback(_TraversableRoot, ExchangeReleaseFeedback):
    pass


class NNLabSubmit(_TraversableRoot, ExchangeSubmit):
    """Submit as nbgrader does, then close the submission folder to everyone but the grader."""

    def copy_files(self) -> None:
        super().copy_files()
        os.chmod(os.path.join(self.inbound_path, self.assignment_filename), SUBMISSION_MODE)


class NNLabCollect(_TraversableRoot, ExchangeCollect):
    """Collect the latest submission of each student, counting only the ones they own."""

    def _owner(self, path: str) -> str:
        try:
            return pwd.getpwuid(os.stat(path).st_uid).pw_name
        except KeyError:
            return f"uid {os.stat(path).st_uid}"

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
