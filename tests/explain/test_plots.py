"""The plotting helpers return figures and reject mismatched shapes."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from labkit.errors import ShapeError  # noqa: E402
from labkit.explain import plot_feature_attributions, plot_image_attributions, plot_signal_attributions  # noqa: E402


@pytest.mark.parametrize("shape", [(8, 8), (1, 8, 8), (3, 8, 8), (1, 3, 8, 8)])
def test_image_overlay(shape):
    figure = plot_image_attributions(torch.rand(shape), torch.randn(shape), title="digit")
    assert isinstance(figure, Figure) and len(figure.axes) == 3  # input, overlay, colour bar
    plt.close(figure)


def test_signal_and_feature_plots():
    figure = plot_signal_attributions(np.sin(np.arange(40) / 5), np.random.default_rng(0).normal(size=40))
    assert isinstance(figure, Figure)
    plt.close(figure)
    values = np.array([0.1, -2.0, 0.5])
    figure = plot_feature_attributions(values, ["age", "income", "zip"], errors=[0.1, 0.1, 0.1], top=2)
    labels = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    assert labels == ["zip", "income"]  # largest magnitude on top (last tick)
    plt.close(figure)


def test_mismatched_shapes_are_rejected():
    with pytest.raises(ShapeError, match="share a shape"):
        plot_image_attributions(np.zeros((8, 8)), np.zeros((8, 7)))
    with pytest.raises(ShapeError, match=r"\(T,\)"):
        plot_signal_attributions(np.zeros(5), np.zeros(6))
    with pytest.raises(ShapeError, match="feature names"):
        plot_feature_attributions(np.zeros(3), ["a", "b"])
