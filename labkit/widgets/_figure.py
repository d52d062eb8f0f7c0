"""Redraw a matplotlib figure inside an ipywidgets Output."""

from __future__ import annotations

from contextlib import contextmanager

import ipywidgets as widgets
import matplotlib.pyplot as plt
from IPython.display import display


@contextmanager
def redraw(out: widgets.Output, figsize=(9, 4), ncols: int = 1, nrows: int = 1):
    """``with redraw(out) as axes:`` draw on fresh axes; the figure replaces what ``out`` showed."""
    fig, axes = plt.subplots(nrows, ncols, figsize=figsize, squeeze=False)
    try:
        yield axes.ravel() if axes.size > 1 else axes[0, 0]
        fig.tight_layout()
        with out:
            out.clear_output(wait=True)
            display(fig)
    finally:
        plt.close(fig)
