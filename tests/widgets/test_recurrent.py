"""Lesson 11's widgets: stepping a character model through a name, and sampling names with a temperature."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
import torch

import labkit.widgets.recurrent as recurrent_widgets
from labkit.data import load_names
from labkit.models import CharGenerator, sequence_cross_entropy
from labkit.recurrent import char_states
from labkit.widgets.recurrent import HiddenStateStepper, TemperatureSampler


@pytest.fixture(scope="module")
def trained():
    """A small names model trained for a few seconds (enough to prefer real letter patterns)."""
    torch.manual_seed(0)
    data = load_names("first", max_names=800)
    model = CharGenerator(data.extras["vocab"], embedding_dim=8, hidden_size=24)
    x, y = model.shift(data.X)
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-2)
    g = torch.Generator().manual_seed(0)
    for _ in range(120):
        idx = torch.randint(len(x), (128,), generator=g)
        loss = sequence_cross_entropy(model(x[idx]), y[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    return model, data.extras["names"]


def test_stepper_shows_the_state_and_guesses_of_each_step(trained, keep_figures):
    model, _ = trained
    figures = keep_figures(recurrent_widgets)
    widget = HiddenStateStepper(model, text="emma", step=0)
    assert len(figures) == 1
    states, probs = char_states(model, "emma")
    np.testing.assert_allclose(widget.states, states)
    assert widget.step.max == 4
    first = widget.guesses
    assert len(first) == 8 and abs(sum(p for _, p in first) - np.sort(probs[0])[::-1][:8].sum()) < 1e-6
    widget.step.value = 2
    assert len(figures) == 2
    np.testing.assert_allclose(widget.state, states[2])
    assert widget.change == pytest.approx(np.linalg.norm(states[2] - states[1]))
    assert widget.guesses != first
    heat = np.ma.filled(figures[-1].axes[0].images[0].get_array().astype(float), np.nan)
    assert np.isnan(heat[:, 3:]).all() and not np.isnan(heat[:, :3]).any()  # only what was read so far
    assert "&lt;s&gt;em" in widget.caption.value


def test_stepper_reads_a_new_name_and_reports_bad_characters(trained, keep_figures):
    model, _ = trained
    keep_figures(recurrent_widgets)
    widget = HiddenStateStepper(model, text="anna", step=4)
    widget.text.value = "jo"
    assert widget.states.shape[0] == 3 and widget.step.max == 2 and widget.step.value == 2
    widget.text.value = "j0"
    assert "not in the model&#x27;s vocabulary" in widget.caption.value
    assert widget.name == "jo"


def test_stepper_and_sampler_refuse_bad_arguments(trained):
    model, _ = trained
    with pytest.raises(TypeError, match="CharGenerator"):
        HiddenStateStepper(torch.nn.GRU(2, 2))
    with pytest.raises(ValueError, match="top must be a positive integer, got 0"):
        HiddenStateStepper(model, top=0)
    with pytest.raises(ValueError, match="temperature must be between 0.1 and 3, got 5"):
        TemperatureSampler(model, temperature=5)
    with pytest.raises(ValueError, match="n must be a positive integer"):
        TemperatureSampler(model, n=0)


def _entropy(p):
    p = p[p > 0]
    return float(-(p * np.log(p)).sum())


def test_temperature_sharpens_and_flattens_the_distribution(trained, keep_figures):
    model, names = trained
    figures = keep_figures(recurrent_widgets)
    widget = TemperatureSampler(model, known=names, n=6, temperature=1.0, n_stats=150)
    assert len(figures) == 1 and len(widget.names) == 6
    np.testing.assert_allclose(widget.first_letter.sum(), 1.0, rtol=1e-6)
    at_one = (_entropy(widget.first_letter), widget.stats["distinct"])
    widget.temperature.value = 0.2
    assert _entropy(widget.first_letter) < at_one[0]
    assert widget.stats["distinct"] < at_one[1]
    widget.temperature.value = 2.5
    assert _entropy(widget.first_letter) > at_one[0]
    assert 0.0 <= widget.stats["known"] <= 1.0
    drawn = model.sample(150, temperature=widget.temperature.value, seed=10_000 + widget.seed)
    assert widget.stats["known"] == pytest.approx(np.mean([d in set(names) for d in drawn]))
    assert len(figures) == 3


def test_new_names_button_draws_other_names(trained, keep_figures):
    model, _ = trained
    keep_figures(recurrent_widgets)
    widget = TemperatureSampler(model, n=10, temperature=1.5, n_stats=20)
    before = list(widget.names)
    widget.button.click()
    assert widget.seed == 1 and widget.names != before
    assert "distinct" in widget.caption.value and "<ol>" in widget.list.value
