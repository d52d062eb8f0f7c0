"""Lesson 16's widget: a labels-per-class slider over three precomputed accuracy curves."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest

import labkit.widgets.transfer as transfer_widget
from labkit.transfer import TransferResults
from labkit.widgets.transfer import TransferCurves, labels_to_match


def make_results():
    ks = np.array([1, 2, 5, 10, 50])
    results = TransferResults(ks, (0, 1))
    results.accuracy = {
        "from scratch": np.array([[0.2, 0.22], [0.3, 0.32], [0.5, 0.5], [0.7, 0.72], [0.9, 0.9]]),
        "linear probe": np.array([[0.5, 0.5], [0.6, 0.6], [0.7, 0.7], [0.75, 0.75], [0.8, 0.8]]),
        "fine-tuning": np.array([[0.45, 0.45], [0.6, 0.62], [0.75, 0.75], [0.85, 0.85], [0.95, 0.95]]),
    }
    results.seconds = {s: np.full((5, 2), t) for s, t in (("from scratch", 1.0), ("linear probe", 0.1), ("fine-tuning", 1.2))}
    return results


def test_draws_on_creation_and_reads_the_curves(keep_figures):
    figures = keep_figures(transfer_widget)
    widget = TransferCurves(make_results(), per_class=5)
    assert len(figures) == 1
    assert widget.accuracy == pytest.approx({"from scratch": 0.5, "linear probe": 0.7, "fine-tuning": 0.75})
    assert widget.seconds["linear probe"] == pytest.approx(0.1)
    # fine-tuning is best at 5 labels (75 %); scratch reaches 75 % between 10 (71 %) and 50 (90 %) labels
    assert 10 < widget.scratch_needs < 50
    curve = figures[0].axes[0].lines[0]
    np.testing.assert_allclose(curve.get_ydata(), [0.21, 0.31, 0.5, 0.71, 0.9])
    assert "fine-tuning" in widget.caption.value and "needs about" in widget.caption.value


def test_slider_moves_the_reading(keep_figures):
    figures = keep_figures(transfer_widget)
    widget = TransferCurves(make_results(), make_results(), per_class=1)
    assert widget.accuracy["linear probe"] == pytest.approx(0.5)
    widget.slider.value = 50
    assert len(figures) == 2
    assert widget.accuracy["fine-tuning"] == pytest.approx(0.95)
    assert widget.scratch_needs is None  # scratch never reaches 95 % on the range
    assert "never reaches" in widget.caption.value
    labels = [line.get_label() for line in figures[-1].axes[0].lines]
    assert "linear probe, unrelated source" in labels


def test_labels_to_match_interpolates_on_a_log_scale():
    results = make_results()
    assert labels_to_match(results, 0.1) == 1.0
    assert labels_to_match(results, 0.5) == pytest.approx(5.0)
    assert labels_to_match(results, 0.99) is None
    assert 2 < labels_to_match(results, 0.4) < 5


def test_bad_arguments_name_themselves(keep_figures):
    keep_figures(transfer_widget)
    with pytest.raises(TypeError, match="results must be the TransferResults"):
        TransferCurves({"from scratch": [0.5]})
    with pytest.raises(ValueError, match=r"per_class must be one of .*\[1, 2, 5, 10, 50\], got 3"):
        TransferCurves(make_results(), per_class=3)
    with pytest.raises(TypeError, match="unrelated must be TransferResults"):
        TransferCurves(make_results(), unrelated=[1])
