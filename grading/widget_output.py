"""nbclient's Output-widget mimic, made to send without stalling the notebook run (issue 16).

To capture what a cell shows inside an ``ipywidgets.Output`` (``with out: ...``,
``widgets.interact``), nbclient mimics the front end: each captured output is sent
back to the kernel as a ``comm_msg`` on the shell socket. jupyter_client's
``Session.send`` does that with a *blocking* shadow of nbclient's asyncio socket,
while nbclient is awaiting an asyncio poll on that same socket for the cell's
``execute_reply``. A ZMQ send also processes the socket's pending incoming
commands and so can consume the edge-triggered wake-up of the reply that has just
arrived; pyzmq's asyncio layer, bypassed, is not told, so the poll sleeps until its
timeout, the cell timeout (60 s in grading), although the reply is there. The
next cell starts one cell timeout late, intermittently.

``AsyncSafeOutputWidget`` sends the same message through the asyncio socket
itself, whose send re-checks the socket's events and wakes any pending poll.
``install()`` makes every ``NotebookClient`` (and so nbconvert's and nbgrader's
execute preprocessors) created afterwards in this process use it; the course's
``nbgrader_config.py`` calls it. tests/grading/test_no_stall.py checks it.
"""

from __future__ import annotations

from typing import Any

import nbclient.client
import zmq.asyncio
from nbclient.jsonutil import json_clean
from nbclient.output_widget import OutputWidget


class AsyncSafeOutputWidget(OutputWidget):
    """nbclient's ``OutputWidget``, sending its state updates with the asyncio socket's own send."""

    def _publish_msg(self, msg_type: str, data: dict[str, Any] | None = None,
                     metadata: dict[str, Any] | None = None, buffers: list[Any] | None = None,
                     **keys: Any) -> None:
        data = {} if data is None else data
        metadata = {} if metadata is None else metadata
        content = json_clean(dict(data=data, comm_id=self.comm_id, **keys))
        session = self.kernel_client.session
        msg = session.msg(msg_type, content=content, parent=self.parent_header, metadata=metadata)
        channel = self.kernel_client.shell_channel
        socket = channel.socket
        if not isinstance(socket, zmq.asyncio.Socket):
            channel.send(msg)  # a blocking client has no poll to wake
            return
        sent = socket.send_multipart(session.serialize(msg))
        sent.add_done_callback(self._report_failure)

    def _report_failure(self, sent) -> None:
        if not sent.cancelled() and sent.exception() is not None:
            self.executor.log.error("could not send an Output widget update to the kernel: %s", sent.exception())


def install() -> None:
    """Use ``AsyncSafeOutputWidget`` for Output widgets in every NotebookClient created from now on."""
    nbclient.client.OutputWidget = AsyncSafeOutputWidget
