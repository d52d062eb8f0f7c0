"""Every widget constructor checks its arguments: the argument's name, the value seen and what is accepted.

Before these checks ipywidgets answered "Invalid selection: value not found" (no name, value or
choices), raised a traitlets error that did not name the argument, or silently clamped a number
to the slider's range.
"""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from labkit.widgets.activations import ActivationExplorer  # noqa: E402
from labkit.widgets.backprop import BackpropStepper  # noqa: E402
from labkit.widgets.losses import LossExplorer, SoftmaxExplorer  # noqa: E402
from labkit.widgets.neuron import NeuronPlayground  # noqa: E402
from labkit.widgets.optimizers import OptimizerRace  # noqa: E402
from labkit.widgets.playground import Playground  # noqa: E402
from labkit.widgets.regularization import CapacityExplorer  # noqa: E402
from labkit.widgets.scaling import AugmentationPreview, ScalingExplorer  # noqa: E402

_IMAGES = np.zeros((4, 8, 8))

# (constructor, kwargs, error type, the start of the message)
BAD = [
    (Playground, dict(dataset="spiral"), ValueError,
     "Playground: dataset must be one of ['moons', 'circles', 'xor', 'spirals'], got 'spiral'.\n"
     "Hint: did you mean 'spirals'?"),
    (Playground, dict(lr=5), ValueError, "Playground: lr must be one of [0.001, 0.003, 0.01, 0.03, 0.1, 0.3], got 5."),
    (Playground, dict(epochs=30), ValueError, "Playground: epochs must be one of [50, 100, 200, 500], got 30."),
    (Playground, dict(noise=0.9), ValueError, "Playground: noise must be between 0 and 0.5 (the slider's range), got 0.9."),
    (Playground, dict(hidden_layers=7), ValueError, "Playground: hidden_layers must be an integer from 0 to 4"),
    (Playground, dict(neurons=2.5), TypeError, "Playground: neurons must be an integer, got 2.5 (float)."),
    (Playground, dict(activation="softmax"), ValueError, "Playground: activation must be one of ['tanh', 'relu'"),
    (NeuronPlayground, dict(w1="a"), TypeError, "NeuronPlayground: w1 must be a number, got 'a' (str)."),
    (NeuronPlayground, dict(b=5), ValueError, "NeuronPlayground: b must be between -3 and 3 (the slider's range), got 5."),
    (NeuronPlayground, dict(X=np.zeros((4, 3))), ValueError, "NeuronPlayground: X must be points of shape (N, 2), got shape (4, 3)."),
    (NeuronPlayground, dict(y=[0, 1, 2, 1]), ValueError, "NeuronPlayground: y must be 4 labels, each 0 or 1"),
    (ActivationExplorer, dict(activation="gelu"), ValueError, "ActivationExplorer: activation must be one of ['step'"),
    (ActivationExplorer, dict(compare="relu6"), ValueError, "ActivationExplorer: compare must be one of ['none', 'step'"),
    (ActivationExplorer, dict(target="cosine"), ValueError, "ActivationExplorer: target must be one of ['sine'"),
    (ActivationExplorer, dict(hidden=64), ValueError, "ActivationExplorer: hidden must be an integer from 1 to 32"),
    (BackpropStepper, dict(example="L = a + b"), ValueError, "BackpropStepper: example must be one of ['L = (a·b + c)·a'"),
    (LossExplorer, dict(task="classification"), ValueError, "LossExplorer: task must be one of ['regression', 'binary classification'], got 'classification'."),
    (LossExplorer, dict(probability=1.0), ValueError, "LossExplorer: probability must be between 0.005 and 0.995"),
    (LossExplorer, dict(prediction=4.0), ValueError, "LossExplorer: prediction must be between -3 and 3"),
    (LossExplorer, dict(label=2), ValueError, "LossExplorer: label must be one of [0, 1], got 2."),
    (SoftmaxExplorer, dict(logits=(1.0, 2.0)), ValueError, "SoftmaxExplorer: logits must be 3 numbers (one per class), got (1.0, 2.0)."),
    (SoftmaxExplorer, dict(logits=(1.0, 2.0, 9.0)), ValueError, "SoftmaxExplorer: logits[2] must be between -6 and 6"),
    (SoftmaxExplorer, dict(target=3), ValueError, "SoftmaxExplorer: target must be one of [0, 1, 2], got 3."),
    (OptimizerRace, dict(surface="saddle"), ValueError, "OptimizerRace: surface must be one of ['"),
    (OptimizerRace, dict(lr=2.0), ValueError, "OptimizerRace: lr must be between 0.0001 and 1 (the slider's range), got 2.0."),
    (OptimizerRace, dict(momentum=1.5), ValueError, "OptimizerRace: momentum must be between 0 and 0.99"),
    (OptimizerRace, dict(steps="many"), TypeError, "OptimizerRace: steps must be an integer, got 'many' (str)."),
    (CapacityExplorer, dict(degree=20), ValueError, "CapacityExplorer: degree must be an integer from 0 to 15"),
    (CapacityExplorer, dict(log10_lam=3.0), ValueError, "CapacityExplorer: log10_lam must be between -9 and 1"),
    (CapacityExplorer, dict(n_train=2), ValueError, "CapacityExplorer: n_train must be an integer from 5 to 60"),
    (ScalingExplorer, dict(scale=100.0), ValueError, "ScalingExplorer: scale must be between 1 and 30"),
    (ScalingExplorer, dict(standardized="yes"), TypeError, "ScalingExplorer: standardized must be True or False, got 'yes' (str)."),
    (ScalingExplorer, dict(steps=0), ValueError, "ScalingExplorer: steps must be an integer from 1 to 300"),
    (AugmentationPreview, dict(images=_IMAGES, index=4), ValueError,
     "AugmentationPreview: index must be an integer from 0 to 3 (an image of the N given), got 4."),
    (AugmentationPreview, dict(images=_IMAGES, max_shift=5), ValueError, "AugmentationPreview: max_shift must be an integer from 0 to 3"),
    (AugmentationPreview, dict(images=np.zeros((4, 8))), ValueError, "AugmentationPreview: images must have shape (N, H, W)"),
]


@pytest.mark.parametrize("cls, kwargs, error, message", BAD, ids=[f"{c.__name__}-{next(iter(k))}-{i}" for i, (c, k, _, _) in enumerate(BAD)])
def test_bad_argument_names_argument_value_and_what_is_accepted(cls, kwargs, error, message):
    with pytest.raises(error, match="^" + re.escape(message)):
        cls(**kwargs)


def test_no_silent_clamping_at_the_edges_of_the_range():
    """Values on the edge of a slider are accepted as given, not moved."""
    w = NeuronPlayground(w1=3.0, w2=-3.0, b=0.0)
    assert (w.w1.value, w.w2.value, w.b.value) == (3.0, -3.0, 0.0)
