"""gradcheck agrees with every layer's backward, and catches a backward that is wrong."""

from __future__ import annotations

import numpy as np
import pytest

import labkit.nn as nn


def rand(*shape, seed=0):
    return np.random.default_rng(seed).standard_normal(shape)


LAYERS = {
    "linear": (lambda: nn.Linear(4, 3), lambda: (rand(5, 4),)),
    "sigmoid": (lambda: nn.Sigmoid(), lambda: (rand(3, 4),)),
    "tanh": (lambda: nn.Tanh(), lambda: (rand(3, 4),)),
    "relu": (lambda: nn.ReLU(), lambda: (rand(3, 4),)),
    "leaky_relu": (lambda: nn.LeakyReLU(0.1), lambda: (rand(3, 4),)),
    "softmax": (lambda: nn.Softmax(dim=1), lambda: (rand(3, 4),)),
    "step": (lambda: nn.Step(), lambda: (rand(3, 4),)),
    "dropout": (lambda: nn.Dropout(0.4), lambda: (rand(4, 5),)),
    "flatten": (lambda: nn.Flatten(), lambda: (rand(2, 3, 2),)),
    "conv2d": (lambda: nn.Conv2d(2, 3, 3, stride=2, padding=1), lambda: (rand(2, 2, 5, 4),)),
    "maxpool": (lambda: nn.MaxPool2d(2), lambda: (rand(2, 2, 4, 5),)),
    "avgpool": (lambda: nn.AvgPool2d(3, stride=2, padding=1), lambda: (rand(2, 2, 5, 5),)),
    "rnn": (lambda: nn.RNN(3, 4), lambda: (rand(2, 5, 3),)),
    "embedding": (lambda: nn.Embedding(6, 3), lambda: (np.array([[0, 2, 2], [5, 0, 1]]),)),
    "batchnorm_train": (lambda: nn.BatchNorm1d(3), lambda: (rand(5, 3),)),
    "batchnorm_3d": (lambda: nn.BatchNorm1d(2), lambda: (rand(3, 2, 4),)),
    "batchnorm_eval": (lambda: nn.BatchNorm1d(3).eval(), lambda: (rand(5, 3),)),
    "sequential": (lambda: nn.Sequential(nn.Linear(3, 5), nn.Tanh(), nn.Dropout(0.3), nn.Linear(5, 2)),
                   lambda: (rand(4, 3),)),
    "mse": (lambda: nn.MSELoss(), lambda: (rand(4, 3), rand(4, 3, seed=1))),
    "bce": (lambda: nn.BCELoss(), lambda: (np.random.default_rng(0).uniform(0.1, 0.9, (4, 2)),
                                           np.random.default_rng(1).uniform(0, 1, (4, 2)))),
    "bce_logits": (lambda: nn.BCEWithLogitsLoss(reduction="sum"), lambda: (rand(4, 2), rand(4, 2, seed=1) > 0)),
    "cross_entropy": (lambda: nn.CrossEntropyLoss(), lambda: (rand(5, 4), np.array([0, 3, 1, 1, 2]))),
}


@pytest.mark.parametrize("name", sorted(LAYERS))
def test_gradcheck_passes_for_every_layer(name):
    make_layer, make_inputs = LAYERS[name]
    nn.manual_seed(0)
    layer = make_layer()
    inputs = make_inputs()
    if name == "bce_logits":
        inputs = (inputs[0], inputs[1].astype(float))
    result = nn.gradcheck(layer, inputs)
    assert result.passed, str(result)


class ForgetfulLinear(nn.Linear):
    """A deliberately broken backward: forgets to add the bias gradient over the batch (uses row 0 only)."""

    def backward(self, grad_out):
        grad = super().backward(grad_out)
        self.bias.grad = grad_out[0].copy()
        return grad


class TransposedLinear(nn.Linear):
    """A deliberately broken backward: the input gradient forgets the weight (returns grad_out @ 1)."""

    def backward(self, grad_out):
        super().backward(grad_out)
        return grad_out @ np.ones((self.out_features, self.in_features))


def test_gradcheck_catches_a_backward_that_forgets_a_term():
    nn.manual_seed(0)
    result = nn.gradcheck(ForgetfulLinear(4, 3), (rand(5, 4),))
    assert not result.passed
    assert result.tensor == "bias"
    assert result.max_error > 0.1
    text = str(result)
    assert "FAILED" in text and "bias" in text and "<-- wrong" in text and "Hint" in text


def test_gradcheck_names_the_input_when_the_input_gradient_is_wrong():
    nn.manual_seed(0)
    result = nn.gradcheck(TransposedLinear(4, 3), (rand(5, 4),))
    assert not result.passed and result.tensor == "input 0"
    assert len(result.index) == 2
    worst = result.tensors[0]
    assert worst.analytic == result.analytic and worst.numerical == result.numerical


def test_gradcheck_inside_a_sequential_names_the_parameter_path():
    nn.manual_seed(0)
    model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), ForgetfulLinear(4, 2))
    result = nn.gradcheck(model, (rand(6, 3),))
    assert not result.passed and result.tensor == "2.bias"


def test_gradcheck_of_a_function_with_grad_fn():
    def f(x, w):
        return float(np.sum(np.tanh(x @ w)))

    def grad_f(x, w):
        d = 1 - np.tanh(x @ w) ** 2
        return d @ w.T, x.T @ d

    def wrong_grad_f(x, w):
        d = 1 - np.tanh(x @ w) ** 2
        return d @ w.T, x.T @ d * 1.01

    inputs = (rand(3, 4), rand(4, 2, seed=1))
    assert nn.gradcheck(f, inputs, grad_fn=grad_f).passed
    wrong = nn.gradcheck(f, inputs, grad_fn=wrong_grad_f)
    assert not wrong.passed and wrong.tensor == "input 1"
    assert wrong.max_error == pytest.approx(0.01 / 1.01, rel=1e-3)


def test_gradcheck_leaves_the_module_unchanged():
    nn.manual_seed(0)
    model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.Dropout(0.5))
    x = rand(5, 3)
    before = model.state_dict()
    state = nn.get_generator().bit_generator.state
    nn.gradcheck(model, (x,))
    after = model.state_dict()
    assert before.keys() == after.keys()
    for key in before:
        np.testing.assert_array_equal(before[key], after[key])
    assert all(p.grad is None for p in model.parameters())
    assert nn.get_generator().bit_generator.state == state


def test_gradcheck_refuses_float32_modules_with_a_hint():
    with pytest.raises(TypeError, match="float64"):
        nn.gradcheck(nn.Linear(2, 2, dtype=np.float32), (rand(3, 2),))


def test_gradcheck_report_reads_well():
    nn.manual_seed(0)
    text = str(nn.gradcheck(nn.Linear(2, 2), (rand(3, 2),)))
    assert text.startswith("gradcheck PASSED for Linear(2 -> 2): worst relative error")
    for name in ("input 0", "weight", "bias", "tolerance"):
        assert name in text


def test_gradcheck_can_sample_positions():
    nn.manual_seed(0)
    result = nn.gradcheck(nn.Linear(20, 10), (rand(4, 20),), max_checks=7)
    assert all(t.checked == 7 for t in result.tensors) and result.passed


def test_numerical_gradient_of_a_simple_function():
    x = np.array([1.0, -2.0, 3.0])
    grad = nn.numerical_gradient(lambda: np.sum(x**2), x)
    np.testing.assert_allclose(grad, 2 * x, rtol=1e-8)
