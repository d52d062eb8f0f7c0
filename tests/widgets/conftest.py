"""Fixtures for widget tests."""

from contextlib import contextmanager

import matplotlib.pyplot as plt
import pytest


@pytest.fixture
def keep_figures(monkeypatch):
    """``keep_figures(module)`` makes ``module.redraw`` keep every figure it draws and returns that list.

    Outside a kernel an ipywidgets Output shows nothing, so tests look at the figures instead.
    """
    kept = []

    @contextmanager
    def capture(out, figsize=(9, 4), ncols=1, nrows=1):
        fig, axes = plt.subplots(nrows, ncols, figsize=figsize, squeeze=False)
        kept.append(fig)
        yield axes.ravel() if axes.size > 1 else axes[0, 0]

    def patch(module):
        monkeypatch.setattr(module, "redraw", capture)
        return kept

    yield patch
    plt.close("all")
