"""labkit.nn: a neural-network engine written from scratch in NumPy, checked against PyTorch.

Read it one file at a time, in this order:

- ``value``, ``graph``: Value, a scalar that knows its gradient (the backpropagation lesson)
- ``parameter``, ``module``, ``sequential``: the Module API (forward, backward, parameters)
- ``linear``, ``activations``, ``dropout``, ``flatten``, ``im2col``, ``conv``, ``pool``, ``rnn``,
  ``embedding``, ``batchnorm``: layers, each with forward and backward side by side
- ``losses``, ``penalties``: what training minimizes
- ``optim``, ``schedulers``: how the parameters move
- ``init``, ``random``, ``dtype``: where the numbers start, repeatably
- ``gradcheck``: proof that each backward is right

The names mirror torch.nn and torch.optim, so the step to PyTorch is small.
"""

from labkit.nn import init
from labkit.nn.activations import Identity, LeakyReLU, ReLU, Sigmoid, Softmax, Step, Tanh, sigmoid
from labkit.nn.batchnorm import BatchNorm1d
from labkit.nn.conv import Conv2d
from labkit.nn.dropout import Dropout
from labkit.nn.dtype import get_default_dtype, set_default_dtype
from labkit.nn.embedding import Embedding
from labkit.nn.flatten import Flatten
from labkit.nn.gradcheck import GradcheckResult, gradcheck, numerical_gradient
from labkit.nn.graph import draw_graph
from labkit.nn.im2col import col2im, im2col
from labkit.nn.linear import Linear
from labkit.nn.losses import BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, Loss, MSELoss, log_softmax
from labkit.nn.module import Module
from labkit.nn.neuron import Neuron, Perceptron
from labkit.nn.optim import SGD, Adam, AdamW, Optimizer, RMSprop
from labkit.nn.parameter import Parameter
from labkit.nn.penalties import l1_penalty, l2_penalty
from labkit.nn.pool import AvgPool2d, MaxPool2d
from labkit.nn.random import get_generator, manual_seed
from labkit.nn.rnn import RNN
from labkit.nn.schedulers import CosineAnnealingLR, LRScheduler, StepLR
from labkit.nn.sequential import Sequential
from labkit.nn.value import Value

__all__ = [
    "Value", "draw_graph",
    "Parameter", "Module", "Sequential",
    "Linear", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "Softmax", "Step", "Identity", "sigmoid",
    "Dropout", "Flatten", "Conv2d", "im2col", "col2im", "MaxPool2d", "AvgPool2d", "RNN", "Embedding",
    "BatchNorm1d",
    "Loss", "MSELoss", "BCELoss", "BCEWithLogitsLoss", "CrossEntropyLoss", "log_softmax",
    "l1_penalty", "l2_penalty",
    "Optimizer", "SGD", "Adam", "AdamW", "RMSprop", "LRScheduler", "StepLR", "CosineAnnealingLR",
    "init", "manual_seed", "get_generator", "set_default_dtype", "get_default_dtype",
    "gradcheck", "GradcheckResult", "numerical_gradient",
    "Neuron", "Perceptron",
]
