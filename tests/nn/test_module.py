"""The Module API: parameters, zero_grad, train/eval, state_dict, dtypes, initializers, seeding."""

from __future__ import annotations

import numpy as np
import pytest
import torch

import labkit.nn as nn


def make_model():
    return nn.Sequential(nn.Linear(4, 5), nn.BatchNorm1d(5), nn.ReLU(), nn.Dropout(0.2), nn.Linear(5, 3))


def test_parameters_are_found_in_order_with_torch_style_names():
    model = make_model()
    names = [name for name, _ in model.named_parameters()]
    assert names == ["0.weight", "0.bias", "1.weight", "1.bias", "4.weight", "4.bias"]
    assert len(model.parameters()) == 6
    torch_model = torch.nn.Sequential(torch.nn.Linear(4, 5), torch.nn.BatchNorm1d(5), torch.nn.ReLU(),
                                      torch.nn.Dropout(0.2), torch.nn.Linear(5, 3))
    assert names == [name for name, _ in torch_model.named_parameters()]
    assert sum(p.numel() for p in model.parameters()) == sum(p.numel() for p in torch_model.parameters())


def test_custom_module_finds_attributes_and_lists():
    class Net(nn.Module):
        def __init__(self):
            self.blocks = [nn.Linear(2, 2), nn.Linear(2, 2)]
            self.head = nn.Linear(2, 1)
            self.scale = nn.Parameter(np.ones(1))

        def forward(self, x):
            for block in self.blocks:
                x = block(x)
            return self.head(x) * self.scale.data

    names = [name for name, _ in Net().named_parameters()]
    assert names == ["scale", "blocks.0.weight", "blocks.0.bias", "blocks.1.weight", "blocks.1.bias",
                     "head.weight", "head.bias"]


def test_shared_parameter_is_listed_once():
    layer = nn.Linear(3, 3)
    model = nn.Sequential(layer, nn.Tanh(), layer)
    assert len(model.parameters()) == 2


def test_zero_grad_and_accumulation():
    model = nn.Sequential(nn.Linear(3, 2))
    x = np.ones((4, 3))
    model(x)
    model.backward(np.ones((4, 2)))
    first = model[0].weight.grad.copy()
    model(x)
    model.backward(np.ones((4, 2)))
    np.testing.assert_allclose(model[0].weight.grad, 2 * first)  # gradients add up, as in torch
    model.zero_grad()
    assert all(p.grad is None for p in model.parameters())


def test_train_and_eval_reach_every_submodule():
    model = make_model()
    assert model.eval() is model
    assert all(not m.training for m in model.modules())
    model.train()
    assert all(m.training for m in model.modules())


def test_state_dict_round_trip_includes_buffers():
    nn.manual_seed(0)
    model = make_model()
    model(np.random.default_rng(0).standard_normal((8, 4)))  # moves BatchNorm's running statistics
    state = model.state_dict()
    assert "1.running_mean" in state and "1.running_var" in state
    nn.manual_seed(1)
    other = make_model().load_state_dict(state)
    for key, value in other.state_dict().items():
        np.testing.assert_array_equal(value, state[key])
    with pytest.raises(KeyError, match="missing"):
        other.load_state_dict({"0.weight": state["0.weight"]})


def test_dtype_float32_end_to_end():
    model = nn.Sequential(nn.Linear(3, 4, dtype=np.float32), nn.ReLU(), nn.Linear(4, 2, dtype=np.float32))
    out = model(np.ones((2, 3)))  # float64 input is cast to the layer's dtype
    assert out.dtype == np.float32
    assert model.backward(np.ones((2, 2), dtype=np.float32)).dtype == np.float32
    assert all(p.grad.dtype == np.float32 for p in model.parameters())
    model.double()
    assert all(p.dtype == np.float64 for p in model.parameters())


def test_default_dtype_can_be_switched():
    try:
        nn.set_default_dtype(np.float32)
        assert nn.Linear(2, 2).weight.dtype == np.float32
        assert nn.Conv2d(1, 1, 2).weight.dtype == np.float32
    finally:
        nn.set_default_dtype(np.float64)
    assert nn.Linear(2, 2).weight.dtype == np.float64
    with pytest.raises(TypeError, match="float32 or np.float64"):
        nn.set_default_dtype(np.int64)


def test_manual_seed_makes_initialization_repeatable():
    nn.manual_seed(5)
    a = make_model().state_dict()
    nn.manual_seed(5)
    b = make_model().state_dict()
    nn.manual_seed(6)
    c = make_model().state_dict()
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert not np.array_equal(a["0.weight"], c["0.weight"])


@pytest.mark.parametrize("shape", [(300, 200), (64, 32, 3, 3)])
def test_initializers_have_torch_statistics(shape):
    nn.manual_seed(0)
    fan_in = shape[1] * int(np.prod(shape[2:]))
    fan_out = shape[0] * int(np.prod(shape[2:]))
    w = nn.Parameter(np.zeros(shape))
    cases = [
        (nn.init.xavier_uniform_, {}, np.sqrt(6 / (fan_in + fan_out)) / np.sqrt(3), np.sqrt(6 / (fan_in + fan_out))),
        (nn.init.xavier_normal_, {}, np.sqrt(2 / (fan_in + fan_out)), None),
        (nn.init.kaiming_uniform_, {"nonlinearity": "relu"}, np.sqrt(2 / fan_in), np.sqrt(6 / fan_in)),
        (nn.init.kaiming_normal_, {"nonlinearity": "relu"}, np.sqrt(2 / fan_in), None),
        (nn.init.kaiming_normal_, {"mode": "fan_out", "nonlinearity": "relu"}, np.sqrt(2 / fan_out), None),
    ]
    for init, kwargs, std, bound in cases:
        assert init(w, **kwargs) is w
        assert w.data.std() == pytest.approx(std, rel=0.05), init.__name__
        assert abs(w.data.mean()) < 0.05 * std * 10
        if bound is not None:
            assert np.abs(w.data).max() <= bound
        t = torch.empty(shape, dtype=torch.float64)
        getattr(torch.nn.init, init.__name__)(t, **kwargs)
        assert t.std().item() == pytest.approx(std, rel=0.05)  # the same formula as torch
    nn.init.zeros_(w)
    assert not w.data.any()
    assert nn.init.calculate_gain("tanh") == torch.nn.init.calculate_gain("tanh")
    assert nn.init.calculate_gain("leaky_relu", 0.2) == torch.nn.init.calculate_gain("leaky_relu", 0.2)


def test_repr_mirrors_torch():
    text = repr(nn.Sequential(nn.Linear(2, 3), nn.ReLU()))
    assert text == "Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n  (1): ReLU()\n)"


def test_neuron_and_perceptron_are_exported():
    assert nn.Neuron([1.0, 1.0], bias=-1.5)(np.array([1.0, 1.0])) == 1.0
    assert nn.Perceptron().fit(np.array([[0.0], [1.0]]), np.array([0.0, 1.0])).converged_
