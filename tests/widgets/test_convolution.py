"""Lesson 10's widget: an editable 3x3 kernel on a digit, the feature map and pooling, checked against torch."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import labkit.widgets.convolution as conv_module
from labkit.widgets.convolution import PRESETS, KernelExplorer, feature_map, pool


@pytest.mark.parametrize("padding", [0, 1, 2])
def test_feature_map_matches_torch_conv2d(padding):
    rng = np.random.default_rng(0)
    image, kernel = rng.normal(size=(8, 7)), rng.normal(size=(3, 2))
    ref = F.conv2d(torch.tensor(image)[None, None], torch.tensor(kernel)[None, None], padding=padding)[0, 0]
    np.testing.assert_allclose(feature_map(image, kernel, padding), ref.numpy(), rtol=1e-12)


@pytest.mark.parametrize("kind, fn", [("max", F.max_pool2d), ("average", F.avg_pool2d)])
def test_pool_matches_torch(kind, fn):
    fmap = np.random.default_rng(1).normal(size=(7, 8))
    ref = fn(torch.tensor(fmap)[None, None], 2)[0, 0]
    np.testing.assert_allclose(pool(fmap, kind), ref.numpy(), rtol=1e-12)


def test_widget_draws_and_follows_presets_and_edits(keep_figures):
    figures = keep_figures(conv_module)
    widget = KernelExplorer(preset="identity", index=3, relu=False)
    assert len(figures) == 1
    np.testing.assert_allclose(widget.feature, widget.image)  # identity kernel, padding 1
    np.testing.assert_allclose(figures[0].axes[2].images[0].get_array(), widget.image)
    widget.preset.value = "vertical edge"
    np.testing.assert_allclose(widget.kernel, PRESETS["vertical edge"])
    assert len(figures) == 2, "a preset should redraw once, not once per cell"
    np.testing.assert_allclose(widget.feature, feature_map(widget.image, widget.kernel, 1))
    widget.cells[1][1].value = 4.0
    assert widget.preset.value == "custom" and widget.kernel[1, 1] == 4.0
    widget.relu.value = True
    assert widget.feature.min() >= 0
    np.testing.assert_allclose(widget.pooled, pool(widget.feature, "max"))
    widget.pooling.value = "average"
    np.testing.assert_allclose(widget.pooled, pool(widget.feature, "average"))
    widget.padding.value = 0
    assert widget.feature.shape == (6, 6) and widget.pooled.shape == (3, 3)
    widget.index.value = 10
    assert widget.image is widget.images[10] or np.array_equal(widget.image, widget.images[10])


def test_set_kernel_and_edge_filters_respond_to_edges(keep_figures):
    keep_figures(conv_module)
    widget = KernelExplorer(preset="identity", relu=False)
    widget.set_kernel(np.ones((3, 3)))
    assert widget.preset.value == "custom"
    flat = np.zeros((8, 8))
    flat[:, :4] = 1.0  # a vertical edge between columns 3 and 4
    edge = feature_map(flat, PRESETS["vertical edge"], 0)
    assert np.abs(edge[:, 2:4]).min() > 0 and np.abs(edge[:, 0]).max() == 0  # responds at the edge only


@pytest.mark.parametrize("kwargs, word", [(dict(preset="emboss"), "preset"), (dict(pooling="min"), "pooling"),
                                          (dict(padding=2), "padding"), (dict(index=5000), "index")])
def test_bad_arguments_raise_clear_errors(kwargs, word):
    with pytest.raises(ValueError, match=word):
        KernelExplorer(**kwargs)


def test_bad_inputs_to_the_helpers():
    with pytest.raises(ValueError, match="2-D"):
        feature_map(np.zeros((1, 8, 8)), np.zeros((3, 3)))
    with pytest.raises(ValueError, match="padding"):
        feature_map(np.zeros((8, 8)), np.zeros((3, 3)), padding=-1)
    with pytest.raises(ValueError, match="larger"):
        feature_map(np.zeros((2, 2)), np.zeros((3, 3)), padding=0)
    with pytest.raises(ValueError, match="kind"):
        pool(np.zeros((4, 4)), "median")
    with pytest.raises(ValueError, match="smaller"):
        pool(np.zeros((1, 4)))
    with pytest.raises(ValueError, match=r"\(3, 3\)"):
        KernelExplorer.set_kernel(KernelExplorer.__new__(KernelExplorer), np.zeros((2, 2)))
