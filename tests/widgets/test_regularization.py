"""Lesson 08's widget: capacity (degree) against L2 strength, on noisy points of sin(pi x)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest

import labkit.widgets._figure as figure_helper
from labkit.polynomial import PolynomialRegression
from labkit.widgets.regularization import LAMBDAS, CapacityExplorer


@pytest.fixture
def shown(monkeypatch):
    """The figures the widget displays (outside a kernel the Output widget cannot capture them)."""
    figures = []
    monkeypatch.setattr(figure_helper, "display", figures.append)
    return figures


def test_draws_on_creation_with_consistent_errors(shown):
    widget = CapacityExplorer(degree=3, log10_lam=-8.0)
    assert len(shown) == 1, "the widget should draw once when created"
    fit_panel = shown[0].axes[0]
    np.testing.assert_allclose(fit_panel.lines[-1].get_ydata(), widget.model.predict(np.linspace(-1, 1, 300)))
    assert widget.errors_by_degree.shape == (CapacityExplorer.MAX_DEGREE + 1, 2)
    assert widget.errors_by_lambda.shape == (len(LAMBDAS), 2)
    np.testing.assert_allclose(widget.errors_by_degree[3], [widget.train_error, widget.val_error], rtol=1e-9)
    expected = np.mean((widget.model.predict(widget.x_val) - widget.y_val) ** 2)
    np.testing.assert_allclose(widget.val_error, expected, rtol=1e-12)
    widget.degree.value = 5
    assert len(shown) == 2


def test_high_degree_overfits_and_l2_repairs_it(shown):
    widget = CapacityExplorer(degree=3, n_train=15)
    assert widget.lam == 0.0
    good_val = widget.val_error
    widget.degree.value = 14
    assert widget.train_error < 0.5 * widget.errors_by_degree[3, 0]  # fits the training points better...
    assert widget.val_error > 2 * good_val  # ...and new points worse
    overfit = widget.val_error
    widget.log10_lam.value = -3.0
    assert widget.val_error < 0.5 * overfit
    assert np.linalg.norm(widget.model.coef_) < 20
    assert "validation MSE" in widget.caption.value


def test_training_error_never_decreases_with_lambda_and_never_increases_with_degree(shown):
    widget = CapacityExplorer(degree=8)
    assert np.all(np.diff(widget.errors_by_lambda[:, 0]) > -1e-9)
    assert np.all(np.diff(widget.errors_by_degree[:, 0]) < 1e-6)


def test_more_training_points_give_new_data(shown):
    widget = CapacityExplorer(n_train=10, log10_lam=-2.0)
    widget.n_train.value = 40
    assert len(widget.x_train) == 40 and len(widget.y_train) == 40
    ref = PolynomialRegression(widget.degree.value, widget.lam).fit(widget.x_train, widget.y_train)
    np.testing.assert_allclose(widget.model.coef_, ref.coef_)
