"""The optimizer race widget: draws on creation, redraws when a control moves, resets per surface."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest

from labkit.widgets.optimizers import DEFAULTS, OptimizerRace

PNG = b"\x89PNG"


def test_draws_on_creation_with_the_surface_defaults():
    race = OptimizerRace()
    assert bytes(race.image.value).startswith(PNG)
    assert set(race.paths) == {"gradient descent", "momentum", "Adam"}
    for name, path in race.paths.items():
        assert path.shape == (DEFAULTS["ravine"]["steps"] + 1, 2), name
        np.testing.assert_allclose(path[0], race.surface.start)
        assert race.losses[name].shape == (len(path),)
    assert race.lr.value == pytest.approx(DEFAULTS["ravine"]["lr"])
    assert "<table>" in race.caption.value and "Adam" in race.caption.value


def test_every_optimizer_gets_closer_to_the_minimum_with_the_defaults():
    for surface in DEFAULTS:
        race = OptimizerRace(surface)
        for name, loss in race.losses.items():
            assert loss[-1] < loss[0], f"{surface}: {name} went uphill with the default settings"


def test_learning_rate_slider_changes_gd_and_momentum_but_not_adam():
    race = OptimizerRace(steps=50)
    before = {k: v.copy() for k, v in race.paths.items()}
    image = race.image.value
    race.lr.value = 0.01
    assert not np.allclose(race.paths["gradient descent"], before["gradient descent"])
    assert not np.allclose(race.paths["momentum"], before["momentum"])
    np.testing.assert_allclose(race.paths["Adam"], before["Adam"])
    assert bytes(race.image.value) != bytes(image)


def test_momentum_zero_is_plain_gradient_descent():
    race = OptimizerRace(momentum=0.0)
    np.testing.assert_allclose(race.paths["momentum"], race.paths["gradient descent"])
    race.momentum.value = 0.9
    assert not np.allclose(race.paths["momentum"], race.paths["gradient descent"])


def test_adam_slider_and_steps_slider():
    race = OptimizerRace(steps=40)
    adam = race.paths["Adam"].copy()
    race.adam_lr.value = 0.01
    assert not np.allclose(race.paths["Adam"], adam)
    race.steps.value = 120
    assert all(len(p) == 121 for p in race.paths.values())


def test_too_large_learning_rate_is_reported_as_diverged():
    race = OptimizerRace(lr=0.5)  # the ravine is stable only below 2 / 20 = 0.1
    assert len(race.paths["gradient descent"]) < race.steps.value + 1
    assert "diverged" in race.caption.value
    assert bytes(race.image.value).startswith(PNG)


def test_changing_surface_resets_sliders_and_redraws_once(monkeypatch):
    race = OptimizerRace()
    calls = []
    original = race.redraw
    monkeypatch.setattr(race, "redraw", lambda: (calls.append(1), original()))
    race.surface_choice.value = "rosenbrock"
    assert len(calls) == 1
    expected = DEFAULTS["rosenbrock"]
    assert race.lr.value == pytest.approx(expected["lr"], rel=0.01)
    assert race.momentum.value == pytest.approx(expected["momentum"])
    assert race.steps.value == expected["steps"]
    np.testing.assert_allclose(race.paths["Adam"][0], race.surface.start)
    assert race.surface.name == "rosenbrock"


def test_unknown_surface_raises():
    with pytest.raises(ValueError, match="rosenbrock"):
        OptimizerRace("himalaya")
