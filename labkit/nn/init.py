"""Weight initializers, in place, with the names and formulas of ``torch.nn.init``.

Each takes a Parameter (or a float ndarray), overwrites its values with draws from
labkit.nn's generator (see ``manual_seed``) and returns it. For a weight of shape
(out, in) or (out, in, kh, kw): fan_in = in * kh * kw, fan_out = out * kh * kw.
"""

from __future__ import annotations

import math

import numpy as np

from labkit.nn.parameter import Parameter
from labkit.nn.random import get_generator


def _array(tensor) -> np.ndarray:
    array = tensor.data if isinstance(tensor, Parameter) else tensor
    if not isinstance(array, np.ndarray) or array.dtype.kind != "f":
        raise TypeError(f"initializers need a Parameter or a float ndarray, got {type(tensor).__name__}.")
    return array


def calculate_fans(shape: tuple) -> tuple[int, int]:
    """(fan_in, fan_out) of a weight of ``shape``; needs at least 2 dimensions."""
    if len(shape) < 2:
        raise ValueError(f"fan_in and fan_out need a weight with at least 2 dimensions, got shape {shape}.")
    receptive_field = int(np.prod(shape[2:])) if len(shape) > 2 else 1
    return shape[1] * receptive_field, shape[0] * receptive_field


def calculate_gain(nonlinearity: str, param: float | None = None) -> float:
    """The gain torch uses for each activation: relu sqrt(2), tanh 5/3, leaky_relu sqrt(2/(1+a^2)), else 1."""
    if nonlinearity in ("linear", "identity", "sigmoid", "conv2d"):
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else float(param)
        return math.sqrt(2.0 / (1 + slope**2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"unknown nonlinearity {nonlinearity!r}; use relu, leaky_relu, tanh, sigmoid or linear.")


def _fill(tensor, values: np.ndarray):
    _array(tensor)[...] = values
    return tensor


def uniform_(tensor, a: float = 0.0, b: float = 1.0):
    """Values drawn uniformly from [a, b)."""
    array = _array(tensor)
    return _fill(tensor, get_generator().uniform(a, b, size=array.shape))


def normal_(tensor, mean: float = 0.0, std: float = 1.0):
    """Values drawn from a normal distribution N(mean, std^2)."""
    array = _array(tensor)
    return _fill(tensor, get_generator().normal(mean, std, size=array.shape))


def zeros_(tensor):
    """All zeros (the usual start for biases)."""
    return _fill(tensor, 0.0)


def ones_(tensor):
    """All ones (BatchNorm's scale starts here)."""
    return _fill(tensor, 1.0)


def xavier_uniform_(tensor, gain: float = 1.0):
    """Glorot/Xavier: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)); keeps variance for tanh/sigmoid."""
    fan_in, fan_out = calculate_fans(_array(tensor).shape)
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return uniform_(tensor, -bound, bound)


def xavier_normal_(tensor, gain: float = 1.0):
    """Glorot/Xavier: N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out))."""
    fan_in, fan_out = calculate_fans(_array(tensor).shape)
    return normal_(tensor, 0.0, gain * math.sqrt(2.0 / (fan_in + fan_out)))


def _kaiming_std(shape, a, mode, nonlinearity) -> float:
    fan_in, fan_out = calculate_fans(shape)
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', got {mode!r}.")
    fan = fan_in if mode == "fan_in" else fan_out
    return calculate_gain(nonlinearity, a) / math.sqrt(fan)


def kaiming_uniform_(tensor, a: float = 0.0, mode: str = "fan_in", nonlinearity: str = "leaky_relu"):
    """He/Kaiming: U(-b, b) with b = gain * sqrt(3 / fan); keeps variance for ReLU networks."""
    std = _kaiming_std(_array(tensor).shape, a, mode, nonlinearity)
    bound = math.sqrt(3.0) * std
    return uniform_(tensor, -bound, bound)


def kaiming_normal_(tensor, a: float = 0.0, mode: str = "fan_in", nonlinearity: str = "leaky_relu"):
    """He/Kaiming: N(0, std^2) with std = gain / sqrt(fan)."""
    return normal_(tensor, 0.0, _kaiming_std(_array(tensor).shape, a, mode, nonlinearity))
