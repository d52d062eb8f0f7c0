"""What the grading tests that attack the sandbox share: the release's blank answers, and a loopback service."""

from __future__ import annotations

import socket
import threading

import nbformat

import selftest


def blank(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Every answer cell replaced by the release's stub: no honest points."""
    for e in selftest.exercises(nb):
        cell = nb.cells[e.answer_index]
        cell.source = cell.source.split("### BEGIN SOLUTION")[0].rstrip(" ") + "    raise NotImplementedError()"
    return nb


class LoopbackServer:
    """A TCP service on the grading host's 127.0.0.1 that counts connections (a stand-in for the hub's API)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.5)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = False
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self.stop = True
        self.thread.join(2)
        self.sock.close()
