"""Lesson 17's widget: attribution maps of one image, by model and method, with IG steps and occlusion window."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
import torch

import labkit.widgets.explain as explain_widget
from labkit.explain import integrated_gradients, occlusion, saliency
from labkit.widgets.explain import METHODS, AttributionExplorer, attribute


def make_models():
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(16, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))
    other = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(16, 8), torch.nn.Tanh(), torch.nn.Linear(8, 3))
    return {"net": net.eval(), "other": other.eval()}


def make_images():
    return torch.rand(5, 4, 4, generator=torch.Generator().manual_seed(1))


def test_draws_on_creation_with_the_library_attributions(keep_figures):
    figures = keep_figures(explain_widget)
    models, images = make_models(), make_images()
    widget = AttributionExplorer(models, images, labels=[0, 1, 2, 0, 1], method="saliency")
    assert len(figures) == 1
    with torch.no_grad():
        predicted = int(models["net"](images[:1]).argmax())
    assert widget.prediction == predicted == widget.target
    np.testing.assert_allclose(widget.attributions, saliency(models["net"], images[:1], predicted)[0].numpy(), rtol=1e-6)
    assert widget.gap is None
    assert "score of class" in widget.caption.value


def test_ig_steps_slider_moves_the_gap(keep_figures):
    figures = keep_figures(explain_widget)
    models, images = make_models(), make_images()
    widget = AttributionExplorer(models, images, method="integrated gradients", steps=2, index=3)
    gap_coarse = widget.gap
    reference = integrated_gradients(models["net"], images[3:4], None, target=widget.target, steps=2, method="riemann_middle")
    assert gap_coarse == pytest.approx(float(reference.gap[0]), abs=1e-6)
    widget.steps_slider.value = 128
    assert len(figures) == 2
    assert abs(widget.gap) <= abs(gap_coarse) + 1e-9
    assert "completeness gap" in widget.caption.value
    # the attributions plus the gap add up to the score change
    with torch.no_grad():
        change = float(models["net"](images[3:4])[0, widget.target] - models["net"](torch.zeros(1, 4, 4))[0, widget.target])
    assert widget.attributions.sum() - widget.gap == pytest.approx(change, abs=1e-5)


def test_occlusion_window_model_image_and_target_controls(keep_figures):
    figures = keep_figures(explain_widget)
    models, images = make_models(), make_images()
    widget = AttributionExplorer(models, images, method="occlusion", window=1)
    assert widget.steps_slider.disabled and not widget.window_slider.disabled
    small = widget.attributions.copy()
    widget.window_slider.value = 3
    np.testing.assert_allclose(widget.attributions,
                               occlusion(models["net"], images[:1], widget.target, window=3)[0].numpy(), rtol=1e-6)
    assert not np.allclose(small, widget.attributions)
    widget.model_menu.value = "other"
    np.testing.assert_allclose(widget.attributions,
                               occlusion(models["other"], images[:1], widget.target, window=3)[0].numpy(), rtol=1e-6)
    widget.index_slider.value = 4
    widget.target_menu.value = 2
    assert widget.target == 2
    np.testing.assert_allclose(widget.attributions, occlusion(models["other"], images[4:5], 2, window=3)[0].numpy(), rtol=1e-6)
    assert len(figures) == 5


@pytest.mark.parametrize("method", METHODS)
def test_every_method_gives_a_map_shaped_like_the_image(method):
    models, images = make_models(), make_images()
    attributions, gap = attribute(models["net"], images[0], 1, method)
    assert tuple(attributions.shape) == (4, 4)
    assert (gap is not None) == (method == "integrated gradients")


def test_bad_arguments_name_themselves(keep_figures):
    keep_figures(explain_widget)
    models, images = make_models(), make_images()
    with pytest.raises(ValueError, match=r"method must be one of .*got 'occlude'"):
        AttributionExplorer(models, images, method="occlude")
    with pytest.raises(ValueError, match=r"steps must be an integer from 2 to 128.*got 1"):
        AttributionExplorer(models, images, steps=1)
    with pytest.raises(ValueError, match=r"window must be an integer from 1 to 4.*got 5"):
        AttributionExplorer(models, images, window=5)
    with pytest.raises(ValueError, match=r"images must be a float batch of shape \(N, H, W\), got shape \(5, 16\)"):
        AttributionExplorer(models, images.reshape(5, 16))
    with pytest.raises(ValueError, match=r"labels must have one entry per image, shape \(5,\), got \(3,\)"):
        AttributionExplorer(models, images, labels=[1, 2, 3])
    with pytest.raises(TypeError, match="models must be a model or a dict"):
        AttributionExplorer(42, images)
    with pytest.raises(ValueError, match=r"index must be an integer from 0 to 4"):
        AttributionExplorer(models, images, index=9)
    with pytest.raises(ValueError, match="method must be one of"):
        attribute(models["net"], images[0], 0, "lrp")
