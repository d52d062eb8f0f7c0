"""What the grader account copies out of a student's submission (deploy/jupyterhub/nnlab_exchange.py), no hub needed.

``safe_copy_tree`` is what collect and release use: only regular files with one name, owned by
the expected account, in folders it owns, under the size limits; nothing is followed.
"""

from __future__ import annotations

import os

import pytest

import hub_helpers  # noqa: F401  (puts deploy/jupyterhub on sys.path)
from nnlab_exchange import Refused, safe_copy_tree

ME = os.geteuid()
LIMITS = {"max_file_bytes": 1000, "max_total_bytes": 1500}


def _submission(tmp_path):
    sub = tmp_path / "inbound" / "ana+01+2026-01-01 00:00:00.000000 UTC+x"
    (sub / "data").mkdir(parents=True)
    (sub / "01.ipynb").write_text("{}")
    (sub / "data" / "points.csv").write_text("1,2\n")
    (sub / ".ipynb_checkpoints").mkdir()
    return sub


def test_a_plain_submission_is_copied(tmp_path):
    sub = _submission(tmp_path)
    copied = safe_copy_tree(str(sub), str(tmp_path / "out"), ME, exclude=(".ipynb_checkpoints",), **LIMITS)
    assert sorted(copied) == ["01.ipynb", "data/points.csv"]
    assert (tmp_path / "out" / "01.ipynb").read_text() == "{}"


@pytest.mark.parametrize("plant, reason", [
    (lambda sub, secret: (sub / "01.ipynb").unlink() or (sub / "01.ipynb").symlink_to(secret), "symbolic link"),
    (lambda sub, secret: (sub / "01.ipynb").unlink() or os.link(secret, sub / "01.ipynb"), "hard link"),
    (lambda sub, secret: os.mkfifo(sub / "pipe"), "FIFO"),
    (lambda sub, secret: (sub / "big.bin").write_bytes(b"x" * 1001), "over the limit of 1000 bytes"),
    (lambda sub, secret: [(sub / "data" / n).write_bytes(b"x" * 900) for n in "ab"], "add up to more than"),
    (lambda sub, secret: (sub / "linked").symlink_to(secret.parent), "symbolic link"),
])
def test_links_special_files_and_large_files_refuse_the_submission(tmp_path, plant, reason):
    sub = _submission(tmp_path)
    secret = tmp_path / "grader" / "source.ipynb"
    secret.parent.mkdir()
    secret.write_text('{"solutions": true}')
    plant(sub, secret)
    with pytest.raises(Refused, match=reason):
        safe_copy_tree(str(sub), str(tmp_path / "out"), ME, **LIMITS)
    assert not (tmp_path / "out").exists(), "a refused submission leaves nothing behind"


def test_the_submission_folder_itself_may_not_be_a_link(tmp_path):
    sub = _submission(tmp_path)
    link = sub.parent / "ana+01+2026-01-02 00:00:00.000000 UTC+y"
    link.symlink_to(sub)
    with pytest.raises(Refused, match="symbolic link, not a folder"):
        safe_copy_tree(str(link), str(tmp_path / "out"), ME, **LIMITS)


def test_files_of_another_account_are_refused(tmp_path):
    sub = _submission(tmp_path)
    with pytest.raises(Refused, match="belongs to"):
        safe_copy_tree(str(sub), str(tmp_path / "out"), ME + 1, **LIMITS)
