"""Occlusion against Captum's Occlusion, over random windows, strides and baselines."""

from __future__ import annotations

import pytest
import torch
from captum.attr import Occlusion
from hypothesis import given, settings
from hypothesis import strategies as st

from labkit.explain import occlusion
from labkit.explain.occlusion import window_starts


@st.composite
def window_and_stride(draw, shape):
    window = tuple(draw(st.integers(1, size)) for size in shape)
    stride = tuple(draw(st.integers(1, w)) for w in window)
    return window, stride


@settings(max_examples=30, deadline=None)
@given(data=st.data(), seed=st.integers(0, 1000), n=st.integers(1, 3), image=st.booleans())
def test_occlusion_equals_captum(data, seed, n, image, make_mlp, make_cnn):
    if image:
        shape = (2, 4, 6)
        model = make_cnn(seed, *shape, 3)
    else:
        shape = (7,)
        model = make_mlp(seed, 7, 3)
    window, stride = data.draw(window_and_stride(shape), label="window, stride")
    x = torch.randn((n, *shape), generator=torch.Generator().manual_seed(seed), dtype=torch.float64)
    target = data.draw(st.integers(0, 2), label="target")
    baseline = data.draw(st.sampled_from([0.0, -0.5, "tensor"]), label="baseline")
    if baseline == "tensor":
        baseline = torch.randn(shape, dtype=torch.float64)
    per_batch = data.draw(st.sampled_from([1, 5, 64]), label="windows_per_batch")
    ours = occlusion(model, x, target, window=window, stride=stride, baseline=baseline, windows_per_batch=per_batch)
    theirs = Occlusion(model).attribute(
        x, target=target, sliding_window_shapes=window, strides=stride, baselines=baseline
    )
    # Captum 0.9 accumulates occlusion attributions in float32 even for float64 inputs.
    torch.testing.assert_close(ours, theirs.to(ours.dtype), rtol=1e-5, atol=1e-5)


def test_window_positions_cover_the_end():
    assert list(window_starts(10, 3, 3)) == [0, 3, 6, 9]  # the last window is cut to one feature
    assert list(window_starts(9, 3, 3)) == [0, 3, 6]
    assert list(window_starts(5, 5, 1)) == [0]


def test_occluding_an_unused_feature_gives_zero():
    """A model that ignores feature 2: covering it never moves the score."""
    model = torch.nn.Linear(4, 2).double()
    with torch.no_grad():
        model.weight[:, 2] = 0.0
    x = torch.randn(3, 4, dtype=torch.float64)
    attributions = occlusion(model, x, 1, window=1)
    # zero up to rounding: the score is recomputed with the feature covered, a sum in another order
    assert torch.all(attributions[:, 2].abs() < 1e-12), attributions[:, 2]
    torch.testing.assert_close(attributions, model.weight.detach()[1] * x)  # linear: drop = w_j x_j


def test_occlusion_rejects_bad_windows(make_mlp):
    model, x = make_mlp(0, 5, 2), torch.randn(2, 5, dtype=torch.float64)
    with pytest.raises(ValueError, match="larger than an example"):
        occlusion(model, x, 0, window=6)
    with pytest.raises(ValueError, match="should not exceed the window"):
        occlusion(model, x, 0, window=2, stride=3)
    with pytest.raises(ValueError, match="one size per dimension"):
        occlusion(model, x, 0, window=(1, 2))
