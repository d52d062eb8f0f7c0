"""labkit.recurrent: gradients through time against a hand-written backward pass, gate biases,
the memory task, step-by-step states and name sampling against CharGenerator's own forward and sample."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch.nn import functional as F

from labkit.models import CharGenerator
from labkit.recurrent import (char_states, recursive_forecast, gradient_through_time, memory_task, sample_names, set_gate_bias_,
                              train_memory_task)


def _manual_gradients(rnn, x):
    """|d sum(h_T) / d x_t| for a one-layer tanh RNN, by backpropagation through time in NumPy."""
    W, U = rnn.weight_ih_l0.detach().double().numpy(), rnn.weight_hh_l0.detach().double().numpy()
    b = (rnn.bias_ih_l0 + rnn.bias_hh_l0).detach().double().numpy()
    x = x.double().numpy()
    n, T, _ = x.shape
    hs, h = [], np.zeros((n, U.shape[0]))
    for t in range(T):
        h = np.tanh(x[:, t] @ W.T + b + h @ U.T)
        hs.append(h)
    grads = np.zeros(T)
    g_h = np.ones_like(h)
    for t in range(T - 1, -1, -1):
        g_pre = g_h * (1 - hs[t] ** 2)
        grads[t] = np.linalg.norm(g_pre @ W, axis=1).mean()
        g_h = g_pre @ U
    return grads


def test_gradient_through_time_matches_backprop_by_hand():
    torch.manual_seed(0)
    rnn = torch.nn.RNN(3, 5, batch_first=True).double()
    got = gradient_through_time(rnn, length=12, batch=4, seed=3)
    x = torch.randn(4, 12, 3, generator=torch.Generator().manual_seed(3))
    np.testing.assert_allclose(got, _manual_gradients(rnn, x), rtol=1e-5, atol=1e-12)
    assert got.shape == (12,)


def test_small_recurrent_weights_make_the_gradient_vanish_and_large_ones_keep_it():
    torch.manual_seed(0)
    rnn = torch.nn.RNN(1, 16, batch_first=True)
    with torch.no_grad():
        rnn.weight_hh_l0.mul_(0.3)
    small = gradient_through_time(rnn, length=40)
    assert small[0] < 1e-6 * small[-1]
    with torch.no_grad():
        rnn.weight_hh_l0.mul_(3.0 / 0.3 * 2)
    assert gradient_through_time(rnn, length=40)[0] > 1e-3 * small[-1]


@pytest.mark.parametrize("kind", ["lstm", "gru"])
def test_gate_bias_opens_the_keep_gate(kind):
    torch.manual_seed(0)
    rnn = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[kind](1, 4, batch_first=True)
    before = rnn.bias_ih_l0.detach().clone()
    set_gate_bias_(rnn, 2.5)
    diff = (rnn.bias_ih_l0.detach() - before).numpy()
    np.testing.assert_allclose(diff[4:8], 2.5, rtol=1e-6)
    np.testing.assert_allclose(np.delete(diff, range(4, 8)), 0.0)
    if kind == "gru":  # with weights zeroed, z = sigmoid(bias) and h_t = z * h_{t-1} + (1 - z) * n
        with torch.no_grad():
            for p in rnn.parameters():
                p.zero_()
        set_gate_bias_(rnn, 3.0)
        h0 = torch.ones(1, 1, 4)
        _, h1 = rnn(torch.zeros(1, 1, 1), h0)
        np.testing.assert_allclose(h1.detach().numpy().ravel(), torch.sigmoid(torch.tensor(3.0)).item(), rtol=1e-5)


def test_gate_bias_refuses_a_plain_rnn_and_time_major_layers():
    with pytest.raises(TypeError, match="no gates"):
        set_gate_bias_(torch.nn.RNN(1, 2, batch_first=True), 1.0)
    with pytest.raises(ValueError, match="batch_first"):
        gradient_through_time(torch.nn.RNN(1, 2), length=3)
    with pytest.raises(TypeError, match="torch.nn.RNN, GRU or LSTM"):
        gradient_through_time(torch.nn.Linear(2, 2))
    with pytest.raises(ValueError, match="length must be an integer >= 1, got 0"):
        gradient_through_time(torch.nn.RNN(1, 2, batch_first=True), length=0)


def test_memory_task_labels_are_the_sign_of_the_first_value():
    X, y = memory_task(7, 50, seed=1)
    assert X.shape == (50, 7, 1) and X.dtype == np.float32 and y.dtype == np.int64
    np.testing.assert_array_equal(y, (X[:, 0, 0] > 0).astype(int))
    np.testing.assert_array_equal(np.abs(X[:, 0, 0]), 2.0)
    assert 10 < y.sum() < 40
    np.testing.assert_array_equal(memory_task(7, 50, seed=1)[0], X)


def test_a_plain_rnn_learns_a_short_memory():
    result = train_memory_task("rnn", length=4, steps=120, seed=0)
    assert result["accuracy"] > 0.95
    assert result["losses"].shape == (120,) and result["losses"][-10:].mean() < result["losses"][:10].mean()
    with pytest.raises(ValueError, match="kind must be one of"):
        train_memory_task("transformer")


@pytest.fixture(scope="module")
def names_model():
    torch.manual_seed(0)
    return CharGenerator("abcdefghijklmnopqrstuvwxyz", embedding_dim=8, hidden_size=12)


def test_char_states_equal_the_whole_sequence_forward(names_model):
    states, probs = char_states(names_model, "anna")
    ids = torch.tensor([[1] + [names_model.vocab.stoi[c] for c in "anna"]])
    with torch.no_grad():
        full, _ = names_model.gru(names_model.embedding(ids))
        logits = names_model(ids)
    np.testing.assert_allclose(states, full[0].numpy(), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(probs, F.softmax(logits[0], -1).numpy(), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(probs.sum(1), 1.0, rtol=1e-5)
    with pytest.raises(ValueError, match=r"characters \['1'\]"):
        char_states(names_model, "a1")


def test_sample_names_with_argmax_is_the_greedy_sample(names_model):
    greedy = sample_names(names_model, lambda logits, T, rng: int(np.argmax(logits)), n=2, max_length=8)
    assert greedy[0] == greedy[1]
    assert greedy[0] == names_model.sample(1, temperature=1e-4, seed=0, max_length=8)[0]


def test_sample_names_passes_temperature_and_generator_and_checks_the_choice(names_model):
    seen = []

    def choose(logits, temperature, rng):
        seen.append((logits.shape, temperature, type(rng).__name__, np.isinf(logits[:2]).all()))
        return names_model.vocab.end_id

    assert sample_names(names_model, choose, n=3, temperature=0.7) == ["", "", ""]
    assert seen[0] == ((len(names_model.vocab.itos),), 0.7, "Generator", True)
    with pytest.raises(ValueError, match="not a character or the end token"):
        sample_names(names_model, lambda logits, T, rng: 0, n=1)
    with pytest.raises(TypeError, match="choose must be a function"):
        sample_names(names_model, "argmax")


def test_recursive_forecast_feeds_its_forecasts_back_and_slides_the_window():
    seen = []

    def predict(w):  # the next value continues the line through the window's first and last values
        seen.append(w.shape)
        return w[:, -1] + (w[:, -1] - w[:, 0]) / (w.shape[1] - 1)

    windows = np.array([[0.0, 1.0, 2.0], [5.0, 3.0, 1.0]])[..., None]  # (2, 3, 1): straight lines
    got = recursive_forecast(predict, windows, 4)
    np.testing.assert_allclose(got, [[3.0, 4.0, 5.0, 6.0], [-1.0, -3.0, -5.0, -7.0]])
    assert seen == [(2, 3, 1)] * 4  # the window keeps its length
    np.testing.assert_allclose(windows[..., 0], [[0.0, 1.0, 2.0], [5.0, 3.0, 1.0]])  # unchanged

    # a forecaster that is not linear in the window: the order of the window matters
    quadratic = lambda w: 0.5 * w[:, -1] ** 2 - 0.1 * w[:, 0]
    w0 = np.array([[[0.3], [0.5], [0.9]]])
    expected, w = [], w0[0, :, 0].tolist()
    for _ in range(3):
        nxt = 0.5 * w[-1] ** 2 - 0.1 * w[0]
        expected.append(nxt)
        w = w[1:] + [nxt]
    np.testing.assert_allclose(recursive_forecast(quadratic, w0, 3), [expected])


def test_recursive_forecast_refuses_bad_arguments():
    with pytest.raises(ValueError, match=r"\(N, W, 1\)"):
        recursive_forecast(lambda w: w[:, -1], np.zeros((2, 3)), 2)
    with pytest.raises(ValueError):
        recursive_forecast(lambda w: w[:, -1], np.zeros((2, 3, 1)), 0)
