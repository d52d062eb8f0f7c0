"""SmoothGrad and LIME: properties that pin them down (no exact Captum twin: their noise differs)."""

from __future__ import annotations

import pytest
import torch

from labkit.explain import lime, saliency, smoothgrad


def test_smoothgrad_without_noise_is_saliency(make_cnn):
    model = make_cnn(0, 1, 4, 4, 3)
    x = torch.randn(2, 1, 4, 4, dtype=torch.float64)
    for absolute in (True, False):
        torch.testing.assert_close(
            smoothgrad(model, x, 2, n_samples=3, noise_level=0.0, abs=absolute), saliency(model, x, 2, abs=absolute)
        )


def test_smoothgrad_of_a_linear_model_is_its_weight():
    model = torch.nn.Linear(6, 2).double()
    x = torch.randn(3, 6, dtype=torch.float64)
    result = smoothgrad(model, x, torch.tensor([0, 1, 1]), n_samples=10, noise_level=1.0, abs=False)
    torch.testing.assert_close(result, model.weight.detach()[[0, 1, 1]])


def test_smoothgrad_is_seeded_and_averages_noisy_gradients(make_mlp):
    model = make_mlp(2, 3, 2)
    x = torch.randn(2, 3, dtype=torch.float64)
    first = smoothgrad(model, x, 1, n_samples=8, seed=5)
    torch.testing.assert_close(first, smoothgrad(model, x, 1, n_samples=8, seed=5))  # same noise
    assert not torch.allclose(first, smoothgrad(model, x, 1, n_samples=8, seed=6))
    assert not torch.allclose(first, saliency(model, x, 1))


def test_lime_recovers_a_linear_model_exactly():
    """score(z) = b + sum_j w_j x_j z_j is linear in the on/off pattern, so the surrogate is exact."""
    torch.manual_seed(1)
    model = torch.nn.Linear(5, 3).double()
    x = torch.randn(4, 5, dtype=torch.float64)
    target = torch.tensor([0, 2, 1, 2])
    result = lime(model, x, target, n_samples=200, alpha=0.0, seed=3)
    torch.testing.assert_close(result.attributions, model.weight.detach()[target] * x)
    torch.testing.assert_close(result.intercept, model.bias.detach()[target])
    torch.testing.assert_close(result.r2, torch.ones(4, dtype=torch.float64))


def test_lime_segments_share_one_coefficient_and_r2_drops_for_non_linear_models():
    torch.manual_seed(0)
    model = torch.nn.Linear(6, 2).double()
    x = torch.randn(1, 6, dtype=torch.float64)
    mask = torch.tensor([0, 0, 1, 1, 2, 2])
    result = lime(model, x, 1, feature_mask=mask, alpha=0.0, n_samples=100)
    contribution = (model.weight.detach()[1] * x[0]).view(3, 2).sum(dim=1)
    torch.testing.assert_close(result.coefficients[0], contribution)
    torch.testing.assert_close(result.attributions[0], contribution[mask])

    def bumpy(inputs):
        score = torch.sin(5 * inputs).prod(dim=1, keepdim=True) * 10
        return torch.cat([score, -score], dim=1)

    bumpy_result = lime(bumpy, torch.randn(1, 6, dtype=torch.float64), 0, alpha=0.0, n_samples=300)
    assert bumpy_result.r2.item() < 0.9


def test_lime_is_seeded(make_mlp):
    model, x = make_mlp(0, 4, 2), torch.randn(2, 4, dtype=torch.float64)
    first = lime(model, x, 0, seed=1).attributions
    torch.testing.assert_close(first, lime(model, x, 0, seed=1).attributions)  # same samples (BLAS may differ by 1 ulp)
    assert not torch.allclose(first, lime(model, x, 0, seed=2).attributions)


def test_lime_rejects_a_bad_feature_mask(make_mlp):
    model, x = make_mlp(0, 4, 2), torch.randn(2, 4, dtype=torch.float64)
    with pytest.raises(ValueError, match="segment id per feature"):
        lime(model, x, 0, feature_mask=torch.tensor([0, 1, 2]))
    with pytest.raises(ValueError, match="none missing"):
        lime(model, x, 0, feature_mask=torch.tensor([0, 0, 2, 2]))
