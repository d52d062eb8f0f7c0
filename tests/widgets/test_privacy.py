"""PrivacyExplorer: sliders pick a run of the grid, the readout and figure follow, bad input is named."""

from __future__ import annotations

import math

import numpy as np
import pytest

from labkit.widgets.privacy import PrivacyExplorer

SIGMAS = [0.0, 1.0, 2.0]
CLIPS = [0.1, 1.0]
EPS = [[math.inf, math.inf], [20.0, 20.0], [5.0, 5.0]]
ACC = [[0.9, 0.92], [0.6, 0.85], [0.5, 0.7]]
ADV = [[0.3, 0.32], [0.1, 0.12], [0.05, 0.06]]


def _widget(**kwargs):
    return PrivacyExplorer(SIGMAS, CLIPS, epsilon=EPS, accuracy=ACC, advantage=ADV, **kwargs)


def test_sliders_pick_the_grid_entry():
    w = _widget(noise_multiplier=1.0, max_grad_norm=1.0)
    assert (w.epsilon, w.accuracy, w.advantage) == (20.0, 0.85, 0.12)
    assert "ε = 20.00" in w.readout.value and "85.0%" in w.readout.value
    w.set(noise_multiplier=2.0)
    assert (w.epsilon, w.accuracy, w.advantage) == (5.0, 0.7, 0.06)
    w.clip_slider.value = 0.1  # as a learner dragging the slider
    assert (w.accuracy, w.advantage) == (0.5, 0.05)
    assert "C = 0.1" in w.readout.value


def test_no_noise_is_infinite_epsilon():
    w = _widget()
    assert math.isinf(w.epsilon) and "no privacy guarantee" in w.readout.value


def test_figure_is_redrawn(monkeypatch):
    from labkit.widgets import privacy

    shown = []
    monkeypatch.setattr(privacy, "redraw", _recording_redraw(shown))
    w = _widget(noise_multiplier=1.0)
    w.set(noise_multiplier=2.0)
    assert len(shown) == 2
    # the chosen point is drawn at the chosen (epsilon, accuracy)
    assert shown[-1] == pytest.approx((5.0, 0.5))


def _recording_redraw(shown):
    from contextlib import contextmanager

    import matplotlib.pyplot as plt

    @contextmanager
    def fake(out, figsize=(9, 4), ncols=1, nrows=1):
        fig, axes = plt.subplots(nrows, ncols, figsize=figsize)
        yield axes.ravel()
        star = [line for line in axes[0].lines if line.get_label() == "chosen"][0]
        shown.append((float(star.get_xdata()[0]), float(star.get_ydata()[0])))
        plt.close(fig)

    return fake


def test_output_holds_a_figure_in_ipython():
    w = _widget(noise_multiplier=1.0)
    # outside IPython nothing is captured; the widget must still construct and keep a valid Output
    assert isinstance(w.out.outputs, tuple)


@pytest.mark.parametrize("kwargs, error, words", [
    ({"noise_multiplier": 3.0}, ValueError, "noise_multiplier must be one of"),
    ({"max_grad_norm": "big"}, ValueError, "max_grad_norm must be one of"),
])
def test_bad_start_named(kwargs, error, words):
    with pytest.raises(error, match=words):
        _widget(**kwargs)


def test_bad_grids_named():
    with pytest.raises(ValueError, match=r"accuracy must have shape \(3, 2\).*got \(2, 2\)"):
        PrivacyExplorer(SIGMAS, CLIPS, epsilon=EPS, accuracy=ACC[:2], advantage=ADV)
    with pytest.raises(ValueError, match=r"accuracy must lie in \[0, 1\]"):
        PrivacyExplorer(SIGMAS, CLIPS, epsilon=EPS, accuracy=np.array(ACC) * 100, advantage=ADV)
    with pytest.raises(ValueError, match="noise_multipliers must be increasing"):
        PrivacyExplorer([1.0, 0.0, 2.0], CLIPS, epsilon=EPS, accuracy=ACC, advantage=ADV)
    with pytest.raises(ValueError, match="clip_norms must be a non-empty"):
        PrivacyExplorer(SIGMAS, [], epsilon=EPS, accuracy=ACC, advantage=ADV)
    with pytest.raises(ValueError, match="epsilon must lie in"):
        PrivacyExplorer(SIGMAS, CLIPS, epsilon=[[-1, 1], [1, 1], [1, 1]], accuracy=ACC, advantage=ADV)
