"""labkit.transfer: freezing, head replacement, parameter counts, probe and fine-tuning, the comparison."""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch
from torch import nn

from labkit.models import MLP, CNN1d
from labkit.transfer import (
    STRATEGIES, TransferResults, add_batchnorm, batchnorm_layers, compare_strategies, count_parameters,
    extract_features, fine_tune, freeze, from_scratch, linear_probe, replace_head, sample_per_class, tone_task,
    train_classifier, unfreeze,
)


def blobs(n_per_class=40, n_classes=3, dim=10, seed=0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 3, (n_classes, dim))
    y = np.repeat(np.arange(n_classes), n_per_class)
    return (centres[y] + rng.normal(size=(len(y), dim))).astype(np.float32), y


def test_freeze_stops_gradients_and_count_parameters_follows():
    model = MLP(10, (8,), 3)
    total = sum(p.numel() for p in model.parameters())
    assert count_parameters(model) == total == 10 * 8 + 8 + 8 * 3 + 3
    assert freeze(model.layers) is model.layers
    assert count_parameters(model) == 8 * 3 + 3 and count_parameters(model, trainable_only=False) == total
    model(torch.randn(4, 10)).sum().backward()
    assert model.layers[0].weight.grad is None and model.head.weight.grad is not None
    unfreeze(model)
    assert count_parameters(model) == total


def test_replace_head_keeps_the_body_and_matches_torch_linear_shapes():
    torch.manual_seed(0)
    model = CNN1d(n_classes=5)
    body = copy.deepcopy(model.features.state_dict())
    x = torch.randn(3, 40)
    features = extract_features(model, x.numpy())
    old_head = model.head
    assert replace_head(model, 7) is model
    assert model.head is not old_head and model.head.in_features == old_head.in_features == features.shape[1] == 125
    assert model(x).shape == (3, 7)
    for name, value in model.features.state_dict().items():
        assert torch.equal(value, body[name])
    np.testing.assert_allclose(model(x).detach().numpy(), features @ model.head.weight.detach().numpy().T
                               + model.head.bias.detach().numpy(), rtol=1e-5, atol=1e-5)
    with pytest.raises(ValueError, match="n_classes must be a positive integer, got 0"):
        replace_head(model, 0)
    with pytest.raises(TypeError, match="`head` attribute"):
        replace_head(nn.Sequential(nn.Linear(2, 2)), 3)


def test_train_classifier_learns_and_refuses_frozen_models():
    X, y = blobs()
    model = train_classifier(MLP(10, (16,), 3), X, y, steps=100)
    with torch.no_grad():
        assert np.mean(model(torch.as_tensor(X)).argmax(1).numpy() == y) > 0.95
    with pytest.raises(ValueError, match="no trainable parameters"):
        train_classifier(freeze(MLP(10, (4,), 3)), X, y)
    with pytest.raises(ValueError, match="X has 120 rows, y has shape"):
        train_classifier(MLP(10, (4,), 3), X, y[:5])
    with pytest.raises(ValueError, match="steps must be a positive integer"):
        train_classifier(MLP(10, (4,), 3), X, y, steps=0)


def test_linear_probe_trains_only_a_new_head_and_leaves_the_pretrained_model_alone():
    X, y = blobs()
    torch.manual_seed(0)
    pretrained = train_classifier(MLP(10, (32,), 3), X, y, steps=50)
    before = copy.deepcopy(pretrained.state_dict())
    X2, y2 = blobs(seed=1, n_classes=4)
    probe = linear_probe(pretrained, X2, y2, 4, steps=200)
    for name, value in pretrained.state_dict().items():
        assert torch.equal(value, before[name]), f"linear_probe changed the pretrained {name}"
    assert probe.head.out_features == 4 and count_parameters(probe) == 32 * 4 + 4
    for name, value in probe.state_dict().items():
        if not name.startswith("head"):
            assert torch.equal(value, before[name])
    with torch.no_grad():
        assert np.mean(probe(torch.as_tensor(X2)).argmax(1).numpy() == y2) > 0.8
    tuned = fine_tune(pretrained, X2, y2, 4, steps=50)
    assert count_parameters(tuned) == count_parameters(tuned, trainable_only=False)
    assert not torch.equal(tuned.layers[0].weight, pretrained.layers[0].weight)


def test_sample_per_class_and_compare_strategies_shapes():
    X, y = blobs(n_per_class=30)
    pick = sample_per_class(y, 4, seed=2)
    assert len(pick) == 12 and np.all(np.bincount(y[pick]) == 4)
    np.testing.assert_array_equal(pick, sample_per_class(y, 4, seed=2))
    with pytest.raises(ValueError, match="per_class=31 but class 0 has only 30"):
        sample_per_class(y, 31)
    torch.manual_seed(0)
    pretrained = train_classifier(MLP(10, (16,), 3), X, y, steps=30)
    results = compare_strategies(pretrained, lambda: MLP(10, (16,), 3), X, y, X, y, labels_per_class=(1, 5),
                                 seeds=(0, 1), steps=20)
    assert isinstance(results, TransferResults) and list(results.accuracy) == list(STRATEGIES)
    for s in STRATEGIES:
        assert results.accuracy[s].shape == results.seconds[s].shape == (2, 2)
        assert ((results.accuracy[s] >= 0) & (results.accuracy[s] <= 1)).all() and (results.seconds[s] > 0).all()
    assert results.mean_accuracy("linear probe").shape == (2,)
    scratch = from_scratch(lambda: MLP(10, (16,), 3), X, y, steps=5, seed=3)
    again = from_scratch(lambda: MLP(10, (16,), 3), X, y, steps=5, seed=3)
    assert torch.equal(scratch.head.weight, again.head.weight)  # seeded
    with pytest.raises(ValueError, match="strategies must be among"):
        compare_strategies(pretrained, lambda: MLP(10, (16,), 3), X, y, X, y, strategies=("magic",))


def test_tone_task_classes_are_frequencies():
    X, y = tone_task(20, seed=0)
    assert X.shape == (100, 40) and X.dtype == np.float32 and np.all(np.bincount(y) == 20)
    peak = np.abs(np.fft.rfft(X, axis=1)).argmax(axis=1)
    assert np.mean(peak == y + 2) > 0.95
    with pytest.raises(ValueError, match="length must be a positive integer"):
        tone_task(5, length=0)


def test_shipped_pretrained_weights_are_small_and_reproduce_their_recorded_accuracy():
    from pathlib import Path

    from labkit.data import load_mnist1d

    path = Path(__file__).resolve().parents[2] / "notebooks" / "16_transfer_learning" / "pretrained.pt"
    assert path.stat().st_size < 100_000, "the shipped weights should stay small"
    saved = torch.load(path, weights_only=True)
    meta = saved["meta"]
    test = load_mnist1d("test")
    source = test.y < 5
    model = CNN1d(n_classes=5)
    model.load_state_dict(saved["digits"])
    with torch.no_grad():
        accuracy = float(np.mean(model(torch.as_tensor(test.X[source])).argmax(1).numpy() == test.y[source]))
    assert accuracy == pytest.approx(meta["digits_test_accuracy"], abs=0.01)
    tones = CNN1d(n_classes=5)
    tones.load_state_dict(saved["tones"])
    X, y = tone_task(100, seed=1)
    with torch.no_grad():
        assert float(np.mean(tones(torch.as_tensor(X)).argmax(1).numpy() == y)) == pytest.approx(
            meta["tones_test_accuracy"], abs=0.01)


def test_pretraining_is_reproducible():
    """make_pretrained.py relies on train_classifier being deterministic for a seed."""
    X, y = tone_task(20, seed=0)
    weights = []
    for _ in range(2):
        torch.manual_seed(0)
        model = train_classifier(CNN1d(n_classes=5), X, y, steps=5, seed=0)
        weights.append(model.head.weight.detach().clone())
    assert torch.equal(weights[0], weights[1])


def test_shipped_batchnorm_network_reproduces_its_recorded_accuracy():
    from pathlib import Path

    from labkit.data import load_mnist1d

    saved = torch.load(Path(__file__).resolve().parents[2] / "notebooks" / "16_transfer_learning" / "pretrained.pt",
                       weights_only=True)
    model = add_batchnorm(CNN1d(n_classes=5))
    model.load_state_dict(saved["digits_bn"])
    model.eval()
    test = load_mnist1d("test")
    source = test.y < 5
    with torch.no_grad():
        accuracy = float(np.mean(model(torch.as_tensor(test.X[source])).argmax(1).numpy() == test.y[source]))
    assert accuracy == pytest.approx(saved["meta"]["digits_bn_test_accuracy"], abs=0.01)


def test_add_batchnorm_puts_one_after_each_convolution_as_torch_does():
    torch.manual_seed(0)
    plain = CNN1d(n_classes=3)
    model = add_batchnorm(copy.deepcopy(plain))
    kinds = [type(m).__name__ for m in model.features]
    assert kinds == ["Conv1d", "BatchNorm1d", "ReLU"] * 3
    assert batchnorm_layers(model) == [model.features[1], model.features[4], model.features[7]]
    assert count_parameters(model) == count_parameters(plain) + 3 * 2 * 25
    x = torch.randn(6, 40)
    model.eval()  # fresh running statistics (mean 0, variance 1): eval mode is then almost the plain network
    torch.testing.assert_close(model(x), plain(x), rtol=1e-4, atol=1e-4)
    model.train()
    h = model.features[0](x.unsqueeze(1))
    torch.testing.assert_close(model.features[1](h), nn.functional.batch_norm(h, None, None, training=True))
    with pytest.raises(TypeError, match="features"):
        add_batchnorm(MLP(4, (3,), 2))


def test_batchnorm_frozen_keeps_the_running_statistics_and_batch_moves_them():
    X, y = blobs(n_per_class=10, dim=40)
    torch.manual_seed(0)
    pretrained = add_batchnorm(CNN1d(n_classes=4)).eval()
    before = [layer.running_mean.clone() for layer in batchnorm_layers(pretrained)]
    frozen = fine_tune(pretrained, X, y, 3, steps=5, batchnorm="frozen")
    moved = fine_tune(pretrained, X, y, 3, steps=5)
    assert all(torch.equal(layer.running_mean, b) for layer, b in zip(batchnorm_layers(frozen), before))
    assert not any(torch.equal(layer.running_mean, b) for layer, b in zip(batchnorm_layers(moved), before))
    assert all(torch.equal(layer.running_mean, b) for layer, b in zip(batchnorm_layers(pretrained), before))
    assert not frozen.training and not any(layer.training for layer in batchnorm_layers(frozen))
    # a linear probe computes the body's features in evaluation mode: the statistics stay as they were
    probe = linear_probe(pretrained, X, y, 3, steps=5)
    assert all(torch.equal(layer.running_mean, b) for layer, b in zip(batchnorm_layers(probe), before))
    with pytest.raises(ValueError, match="batchnorm must be one of"):
        train_classifier(MLP(40, (4,), 3), X, y, steps=2, batchnorm="eval")


def test_compare_strategies_records_train_accuracy_and_keeps_models_when_asked():
    X, y = blobs(n_per_class=30, dim=40)
    results = compare_strategies(CNN1d(n_classes=4), lambda: CNN1d(n_classes=3), X, y, X, y, labels_per_class=(2, 5),
                                 seeds=(0, 1), steps=20, strategies=("linear probe",), keep_models=True)
    assert results.train_accuracy["linear probe"].shape == (2, 2)
    model = results.models["linear probe"][1][0]
    pick = sample_per_class(y, 5, seed=0)
    with torch.no_grad():
        train_acc = float(np.mean(model(torch.as_tensor(X[pick])).argmax(1).numpy() == y[pick]))
    assert results.train_accuracy["linear probe"][1, 0] == pytest.approx(train_acc)
    assert compare_strategies(CNN1d(n_classes=4), lambda: CNN1d(n_classes=3), X, y, X, y, labels_per_class=(2,),
                              seeds=(0,), steps=2, strategies=("linear probe",)).models == {}


def test_replace_head_follows_the_network_to_another_device():
    model = replace_head(CNN1d(n_classes=5).to("meta"), 3)
    assert model.head.weight.device.type == "meta"
