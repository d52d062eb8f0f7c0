"""Every labkit.nn layer against PyTorch in float64: outputs, input gradients, parameter gradients."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import labkit.nn as nn

RTOL, ATOL = 1e-6, 1e-10
SETTINGS = settings(max_examples=30, deadline=None)
seeds = st.integers(0, 2**31 - 1)


def close(ours, theirs, what=""):
    theirs = theirs.detach().numpy() if isinstance(theirs, torch.Tensor) else np.asarray(theirs)
    np.testing.assert_allclose(ours, theirs, rtol=RTOL, atol=ATOL, err_msg=what)


def copy_params(ours: nn.Module, theirs: torch.nn.Module, names: dict[str, str] | None = None):
    """Give the torch module the labkit module's parameter values (names mapped if they differ)."""
    names = names or {}
    theirs_params = dict(theirs.named_parameters())
    with torch.no_grad():
        for name, p in ours.named_parameters():
            theirs_params[names.get(name, name)].copy_(torch.from_numpy(p.data))


def run_both(ours, theirs, x, seed, names=None, x_requires_grad=True):
    """Forward both, backward a random upstream gradient; compare output, input grad and parameter grads."""
    rng = np.random.default_rng(seed + 1)
    out = ours(x)
    xt = torch.tensor(x, requires_grad=x_requires_grad)
    out_t = theirs(xt)
    close(out, out_t, "forward output")
    grad_out = rng.standard_normal(out.shape)
    grad_in = ours.backward(grad_out)
    out_t.backward(torch.from_numpy(grad_out))
    if x_requires_grad:
        close(grad_in, xt.grad, "input gradient")
    theirs_params = dict(theirs.named_parameters())
    names = names or {}
    for name, p in ours.named_parameters():
        close(p.grad, theirs_params[names.get(name, name)].grad, f"gradient of {name}")
    return out


@SETTINGS
@given(n=st.integers(1, 5), fan_in=st.integers(1, 7), fan_out=st.integers(1, 7), bias=st.booleans(), seed=seeds)
def test_linear_matches_torch(n, fan_in, fan_out, bias, seed):
    ours = nn.Linear(fan_in, fan_out, bias=bias)
    theirs = torch.nn.Linear(fan_in, fan_out, bias=bias).double()
    copy_params(ours, theirs)
    x = np.random.default_rng(seed).standard_normal((n, fan_in))
    run_both(ours, theirs, x, seed)


def test_linear_accepts_extra_leading_axes_like_torch():
    ours = nn.Linear(3, 2)
    theirs = torch.nn.Linear(3, 2).double()
    copy_params(ours, theirs)
    run_both(ours, theirs, np.random.default_rng(0).standard_normal((2, 4, 3)), 0)


def test_linear_initialization_range_matches_torch():
    nn.manual_seed(0)
    layer = nn.Linear(100, 50)
    bound = 1 / np.sqrt(100)
    assert np.abs(layer.weight.data).max() <= bound and np.abs(layer.bias.data).max() <= bound
    assert layer.weight.data.std() == pytest.approx(bound / np.sqrt(3), rel=0.05)  # std of U(-b, b)


ACTIVATIONS = [
    (lambda: nn.Sigmoid(), lambda: torch.nn.Sigmoid()),
    (lambda: nn.Tanh(), lambda: torch.nn.Tanh()),
    (lambda: nn.ReLU(), lambda: torch.nn.ReLU()),
    (lambda: nn.LeakyReLU(), lambda: torch.nn.LeakyReLU()),
    (lambda: nn.LeakyReLU(0.2), lambda: torch.nn.LeakyReLU(0.2)),
    (lambda: nn.Identity(), lambda: torch.nn.Identity()),
    (lambda: nn.Flatten(), lambda: torch.nn.Flatten()),
]


@pytest.mark.parametrize("make_ours, make_theirs", ACTIVATIONS,
                         ids=["sigmoid", "tanh", "relu", "leaky_relu", "leaky_relu_0.2", "identity", "flatten"])
@SETTINGS
@given(shape=st.lists(st.integers(1, 4), min_size=2, max_size=4), scale=st.sampled_from([0.1, 1.0, 30.0]), seed=seeds)
def test_elementwise_layers_match_torch(make_ours, make_theirs, shape, scale, seed):
    x = scale * np.random.default_rng(seed).standard_normal(shape)
    run_both(make_ours(), make_theirs(), x, seed)


@SETTINGS
@given(shape=st.lists(st.integers(1, 4), min_size=1, max_size=3), data=st.data(), seed=seeds,
       scale=st.sampled_from([1.0, 50.0]))
def test_softmax_matches_torch(shape, data, seed, scale):
    dim = data.draw(st.integers(-len(shape), len(shape) - 1))
    x = scale * np.random.default_rng(seed).standard_normal(shape)
    run_both(nn.Softmax(dim=dim), torch.nn.Softmax(dim=dim), x, seed)


def test_step_forward_is_heaviside_and_gradient_choice():
    x = np.array([[-2.0, -0.0, 0.0, 1e-9, 3.0]])
    step = nn.Step()
    np.testing.assert_array_equal(step(x), torch.heaviside(torch.tensor(x), torch.tensor(1.0, dtype=torch.float64)).numpy())
    np.testing.assert_array_equal(step.backward(np.ones_like(x)), np.zeros_like(x))
    straight = nn.Step(straight_through=True)
    straight(x)
    np.testing.assert_array_equal(straight.backward(np.full_like(x, 2.0)), np.full_like(x, 2.0))


@SETTINGS
@given(n=st.integers(1, 3), c=st.integers(1, 3), o=st.integers(1, 4), h=st.integers(1, 8), w=st.integers(1, 8),
       kh=st.integers(1, 4), kw=st.integers(1, 4), stride=st.tuples(st.integers(1, 3), st.integers(1, 3)),
       padding=st.tuples(st.integers(0, 2), st.integers(0, 2)), bias=st.booleans(), seed=seeds)
def test_conv2d_matches_torch(n, c, o, h, w, kh, kw, stride, padding, bias, seed):
    assume(h + 2 * padding[0] >= kh and w + 2 * padding[1] >= kw)
    ours = nn.Conv2d(c, o, (kh, kw), stride=stride, padding=padding, bias=bias)
    theirs = torch.nn.Conv2d(c, o, (kh, kw), stride=stride, padding=padding, bias=bias).double()
    copy_params(ours, theirs)
    x = np.random.default_rng(seed).standard_normal((n, c, h, w))
    run_both(ours, theirs, x, seed)


@pytest.mark.parametrize("stride, padding", [((1, 1), (1, 1)), ((2, 1), (0, 2))])
def test_conv2d_in_blocks_of_images_matches_torch(stride, padding):
    """Big batches are processed a few images at a time; force one image per block."""
    from labkit.nn.im2col import Patches

    saved = Patches.block_bytes
    Patches.block_bytes = 1
    try:
        ours = nn.Conv2d(3, 4, (3, 2), stride=stride, padding=padding)
        theirs = torch.nn.Conv2d(3, 4, (3, 2), stride=stride, padding=padding).double()
        copy_params(ours, theirs)
        run_both(ours, theirs, np.random.default_rng(0).standard_normal((5, 3, 7, 6)), 0)
    finally:
        Patches.block_bytes = saved


def test_im2col_and_col2im_are_adjoint():
    """<col2im(c), x> == <c, im2col(x)> for any x and c: col2im is im2col's transpose."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 3, 6, 5))
    cols = nn.im2col(x, (3, 2), (2, 1), (1, 1))
    c = rng.standard_normal(cols.shape)
    back = nn.col2im(c, x.shape, (3, 2), (2, 1), (1, 1))
    assert back.shape == x.shape
    assert np.sum(back * x) == pytest.approx(np.sum(c * cols), rel=1e-12)


@pytest.mark.parametrize("kind", ["max", "avg"])
@SETTINGS
@given(n=st.integers(1, 2), c=st.integers(1, 3), h=st.integers(1, 8), w=st.integers(1, 8),
       k=st.tuples(st.integers(1, 3), st.integers(1, 3)), stride=st.one_of(st.none(), st.integers(1, 3)),
       pad=st.tuples(st.integers(0, 1), st.integers(0, 1)), seed=seeds)
def test_pooling_matches_torch(kind, n, c, h, w, k, stride, pad, seed):
    pad = (min(pad[0], k[0] // 2), min(pad[1], k[1] // 2))
    assume(h + 2 * pad[0] >= k[0] and w + 2 * pad[1] >= k[1])
    ours_cls, theirs_cls = (nn.MaxPool2d, torch.nn.MaxPool2d) if kind == "max" else (nn.AvgPool2d, torch.nn.AvgPool2d)
    x = np.random.default_rng(seed).standard_normal((n, c, h, w))
    run_both(ours_cls(k, stride, pad), theirs_cls(k, stride, pad), x, seed)


def test_maxpool_ties_go_to_the_first_maximum_like_torch():
    x = np.ones((1, 1, 2, 2))
    pool = nn.MaxPool2d(2)
    pool(x)
    xt = torch.tensor(x, requires_grad=True)
    torch.nn.MaxPool2d(2)(xt).sum().backward()
    close(pool.backward(np.ones((1, 1, 1, 1))), xt.grad)


@SETTINGS
@given(n=st.integers(1, 3), t=st.integers(1, 5), i=st.integers(1, 4), h=st.integers(1, 5), bias=st.booleans(),
       with_h0=st.booleans(), seed=seeds)
def test_rnn_matches_torch(n, t, i, h, bias, with_h0, seed):
    rng = np.random.default_rng(seed)
    ours = nn.RNN(i, h, bias=bias)
    theirs = torch.nn.RNN(i, h, batch_first=True, bias=bias).double()
    names = {"weight_ih": "weight_ih_l0", "weight_hh": "weight_hh_l0", "bias_ih": "bias_ih_l0", "bias_hh": "bias_hh_l0"}
    copy_params(ours, theirs, names)
    x = rng.standard_normal((n, t, i))
    h0 = rng.standard_normal((1, n, h)) if with_h0 else None
    out, h_n = ours(x, h0)
    xt = torch.tensor(x, requires_grad=True)
    h0t = torch.tensor(h0, requires_grad=True) if with_h0 else None
    out_t, h_n_t = theirs(xt, h0t)
    close(out, out_t, "outputs")
    close(h_n, h_n_t, "last hidden state")
    g_out, g_h = rng.standard_normal(out.shape), rng.standard_normal(h_n.shape)
    grad_x = ours.backward(g_out, g_h)
    torch.autograd.backward([out_t, h_n_t], [torch.from_numpy(g_out), torch.from_numpy(g_h)])
    close(grad_x, xt.grad, "input gradient")
    if with_h0:
        close(ours.grad_h0, h0t.grad, "h0 gradient")
    theirs_params = dict(theirs.named_parameters())
    for name, p in ours.named_parameters():
        close(p.grad, theirs_params[names[name]].grad, f"gradient of {name}")


@SETTINGS
@given(v=st.integers(1, 8), d=st.integers(1, 4), shape=st.lists(st.integers(1, 4), min_size=1, max_size=2),
       padding=st.booleans(), seed=seeds)
def test_embedding_matches_torch(v, d, shape, padding, seed):
    rng = np.random.default_rng(seed)
    padding_idx = int(rng.integers(v)) if padding else None
    ours = nn.Embedding(v, d, padding_idx=padding_idx)
    theirs = torch.nn.Embedding(v, d, padding_idx=padding_idx).double()
    copy_params(ours, theirs)
    ids = rng.integers(0, v, size=shape)  # repeated ids are likely: their gradients must add up
    out = ours(ids)
    out_t = theirs(torch.from_numpy(ids))
    close(out, out_t)
    g = rng.standard_normal(out.shape)
    assert ours.backward(g) is None
    out_t.backward(torch.from_numpy(g))
    close(ours.weight.grad, theirs.weight.grad)


@SETTINGS
@given(n=st.integers(2, 6), c=st.integers(1, 4), length=st.one_of(st.none(), st.integers(1, 4)),
       momentum=st.sampled_from([0.1, 0.5, None]), affine=st.booleans(), seed=seeds)
def test_batchnorm1d_matches_torch_in_train_and_eval(n, c, length, momentum, affine, seed):
    rng = np.random.default_rng(seed)
    shape = (n, c) if length is None else (n, c, length)
    ours = nn.BatchNorm1d(c, momentum=momentum, affine=affine)
    theirs = torch.nn.BatchNorm1d(c, momentum=momentum, affine=affine).double()
    if affine:
        ours.weight.data[:] = rng.uniform(0.5, 2, c)
        ours.bias.data[:] = rng.standard_normal(c)
        copy_params(ours, theirs)
    for _ in range(2):  # two training batches move the running statistics twice
        x = 3 * rng.standard_normal(shape) + 1
        run_both(ours, theirs, x, seed)
        ours.zero_grad()
        theirs.zero_grad()
    close(ours.running_mean, theirs.running_mean, "running_mean")
    close(ours.running_var, theirs.running_var, "running_var")
    ours.eval()
    theirs.eval()
    run_both(ours, theirs, rng.standard_normal(shape), seed)
