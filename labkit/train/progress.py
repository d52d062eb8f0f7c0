"""The progress bar of ``fit``: a ``tqdm.auto`` bar over epochs, quiet where nobody watches."""

from __future__ import annotations

import os
import sys


def in_notebook() -> bool:
    """True inside a Jupyter kernel (JupyterLab, classic notebook, VS Code, Colab)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    name = type(shell).__name__
    return name == "ZMQInteractiveShell" or "google.colab" in type(shell).__module__


def _is_interactive() -> bool:
    """A person may be watching: a notebook, or a terminal on stderr."""
    if in_notebook():
        return True
    stream = sys.stderr
    return bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


def _env_flag(name: str) -> bool:
    value = os.environ.get(name)
    return value is not None and value.strip().lower() not in ("", "0", "false", "no")


def progress_enabled(progress: bool | None = None) -> bool:
    """Whether ``fit`` shows a progress bar.

    Args:
        progress: True or False decide; None (the default) shows the bar only when the
            run is interactive and neither ``CI`` nor ``TQDM_DISABLE`` is set in the environment.
    """
    if progress is not None:
        return bool(progress)
    if _env_flag("CI") or _env_flag("TQDM_DISABLE"):
        return False
    return _is_interactive()


def epoch_bar(epochs: int, enabled: bool):
    """A ``tqdm.auto`` bar over ``range(epochs)``; ``bar.set_postfix(logs)`` shows metrics."""
    from tqdm.auto import tqdm

    return tqdm(total=epochs, desc="epochs", unit="epoch", disable=not enabled, leave=True)
