"""grading/route_hunt.py on a tiny pool of candidates: a stuck candidate does not stall the hunt."""

from __future__ import annotations

import signal
import time

import numpy as np

import route_hunt
from labkit.exercises import allowlist
from labkit.exercises.allowlist import own_work


def stuck_in_compiled_code(x):
    """Deaf to the per-call alarm, as compiled code is: the alarm is blocked, then a long sleep."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(600)


def doubled(x):
    return np.asarray(x) * 2


def test_a_stuck_candidate_is_killed_and_the_hunt_goes_on(monkeypatch):
    monkeypatch.setattr(route_hunt, "HANG_LIMIT", 2.0)
    recording = allowlist.Recording()
    monkeypatch.setattr(allowlist, "RECORDING", recording)
    recording.tag = "double"
    answer = own_work(lambda x: np.asarray(x) * 2, asks_for="your own doubling")
    assert np.array_equal(answer(np.arange(3.0)), [0.0, 2.0, 4.0])
    recording.tag = None
    monkeypatch.setattr(route_hunt, "candidates", lambda: {"test.stuck": stuck_in_compiled_code,
                                                           "test.doubled": doubled, "numpy.negative": np.negative})
    started = time.monotonic()
    report = route_hunt.hunt(recording)
    assert time.monotonic() - started < 60
    row = report["double"]
    assert any("test.stuck" in c for c in row["crashed"]), row
    assert any("test.doubled" in r for r in row["reproducing"]), row  # tried after the stuck one
    assert not any("numpy.negative" in r for r in row["reproducing"]), row
