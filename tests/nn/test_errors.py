"""Error messages a learner can act on: they name the layer, the shape received and the shape expected."""

from __future__ import annotations

import numpy as np
import pytest

import labkit.nn as nn
from labkit.errors import BackwardBeforeForwardError, NonFiniteError, ShapeError


def test_linear_shape_error_names_layer_and_shapes():
    with pytest.raises(ShapeError) as info:
        nn.Linear(64, 32)(np.zeros((5, 10)))
    message = str(info.value)
    assert "Linear(64 -> 32) expected input of shape (batch, 64), got (5, 10)" in message
    assert "10 features" in message


def test_linear_hints_at_flattening_images():
    with pytest.raises(ShapeError, match=r"reshape\(len\(x\), -1\)"):
        nn.Linear(64, 10)(np.zeros((3, 8, 8)))


def test_sequential_says_which_layer_failed():
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(6, 2))
    with pytest.raises(ShapeError) as info:
        model(np.zeros((2, 4)))
    assert str(info.value).startswith("Sequential layer (2): Linear(6 -> 2) expected input of shape (batch, 6), got (2, 8)")


def test_conv2d_channel_and_rank_errors():
    conv = nn.Conv2d(3, 8, 3)
    with pytest.raises(ShapeError) as info:
        conv(np.zeros((2, 1, 28, 28)))
    assert "Conv2d(3 -> 8, kernel_size=(3, 3))" in str(info.value)
    assert "(batch, 3, height, width), got (2, 1, 28, 28)" in str(info.value)
    with pytest.raises(ShapeError, match=r"x\[None\]"):
        conv(np.zeros((3, 28, 28)))
    with pytest.raises(ShapeError, match="smaller than the kernel"):
        conv(np.zeros((1, 3, 2, 2)))


def test_rnn_and_batchnorm_shape_errors():
    with pytest.raises(ShapeError, match=r"RNN\(3 -> 4\) expected input of shape \(batch, time, 3\), got \(5, 3\)"):
        nn.RNN(3, 4)(np.zeros((5, 3)))
    with pytest.raises(ShapeError, match=r"BatchNorm1d\(4\) expected input of shape \(batch, 4\)"):
        nn.BatchNorm1d(4)(np.zeros((5, 3)))
    with pytest.raises(ValueError, match="more than 1 value per feature"):
        nn.BatchNorm1d(4)(np.zeros((1, 4)))


@pytest.mark.parametrize("bad, kind", [(np.array([[1, 2, 3]]), "int64"), (np.array([[True, False, True]]), "bool")])
def test_integer_input_gives_a_dtype_hint(bad, kind):
    with pytest.raises(TypeError) as info:
        nn.Linear(3, 2)(bad)
    message = str(info.value)
    assert "Linear(3 -> 2) expected a float array" in message and kind in message and "astype(np.float64)" in message


def test_object_array_gives_a_hint_about_ragged_rows():
    ragged = np.empty(2, dtype=object)
    ragged[0], ragged[1] = [1.0, 2.0], [3.0]
    with pytest.raises(TypeError, match="object.*rows of different lengths"):
        nn.Tanh()(ragged)


def test_nan_in_forward_names_the_layer():
    model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
    model[2].weight.data[0, 0] = np.nan
    with pytest.raises(NonFiniteError) as info:
        model(np.ones((4, 2)))
    message = str(info.value)
    assert message.startswith("Sequential layer (2): Linear(3 -> 1) produced 4 NaN of 4 values")
    assert "learning rate" in message


def test_nan_in_the_data_is_blamed_on_the_input():
    x = np.ones((2, 2))
    x[1, 1] = np.nan
    with pytest.raises(NonFiniteError, match=r"Linear\(2 -> 3\) received an input that already contained 1 NaN"):
        nn.Linear(2, 3)(x)


LAYERS = [nn.Linear(2, 2), nn.Sigmoid(), nn.Tanh(), nn.ReLU(), nn.LeakyReLU(), nn.Softmax(), nn.Step(),
          nn.Identity(), nn.Dropout(), nn.Flatten(), nn.Conv2d(1, 1, 1), nn.MaxPool2d(2), nn.AvgPool2d(2),
          nn.RNN(2, 2), nn.Embedding(3, 2), nn.BatchNorm1d(2), nn.MSELoss(), nn.BCELoss(),
          nn.BCEWithLogitsLoss(), nn.CrossEntropyLoss()]


@pytest.mark.parametrize("layer", LAYERS, ids=lambda layer: type(layer).__name__)
def test_backward_before_forward(layer):
    with pytest.raises(BackwardBeforeForwardError) as info:
        layer.backward() if isinstance(layer, nn.Loss) else layer.backward(np.ones((2, 2)))
    message = str(info.value)
    assert message.startswith(layer.describe()) and "before forward" in message and "Hint" in message


def test_backward_before_forward_inside_sequential():
    with pytest.raises(BackwardBeforeForwardError, match=r"Sequential layer \(1\) backward: Linear\(3 -> 1\)"):
        nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 1)).backward(np.ones((4, 1)))


def test_wrong_grad_out_shape():
    layer = nn.Linear(3, 2)
    layer(np.ones((4, 3)))
    with pytest.raises(ShapeError, match=r"Linear\(3 -> 2\).backward expected grad_out of shape \(4, 2\).*got \(4, 3\)"):
        layer.backward(np.ones((4, 3)))


def test_loss_errors():
    with pytest.raises(ShapeError, match=r"same shape as pred \(4, 1\), got \(4,\).*reshape"):
        nn.MSELoss()(np.zeros((4, 1)), np.zeros(4))
    with pytest.raises(ValueError, match="probabilities in \\[0, 1\\].*Sigmoid"):
        nn.BCELoss()(np.array([-2.0, 3.0]), np.array([0.0, 1.0]))
    with pytest.raises(TypeError, match=r"integer class indices.*astype\(int\)"):
        nn.CrossEntropyLoss()(np.zeros((3, 4)), np.array([0.0, 1.0, 2.0]))
    with pytest.raises(IndexError, match="class index 4, but pred has 4 classes"):
        nn.CrossEntropyLoss()(np.zeros((3, 4)), np.array([0, 4, 1]))


def test_embedding_errors():
    with pytest.raises(TypeError, match=r"integer ids.*astype\(int\)"):
        nn.Embedding(5, 2)(np.array([0.0, 1.0]))
    with pytest.raises(IndexError, match="id 7, but valid ids are 0 to 4"):
        nn.Embedding(5, 2)(np.array([0, 7]))


def test_construction_errors():
    with pytest.raises(TypeError, match=r"model.parameters\(\)"):
        nn.SGD(nn.Linear(2, 2), lr=0.1)
    with pytest.raises(TypeError, match=r"ReLU instead of ReLU\(\)"):
        nn.Sequential(nn.Linear(2, 2), nn.ReLU)
    with pytest.raises(ValueError, match="in_features must be a positive integer"):
        nn.Linear(0, 3)
    with pytest.raises(ValueError, match="Nesterov"):
        nn.SGD([nn.Parameter(np.zeros(1))], lr=0.1, nesterov=True)
