"""labkit.exercises.allowlist: an answer may reach only what its exercise allows, by any route.

Honest answers (the learner's code, NumPy, the standard library, what the exercise names) pass;
every other route to a library implementation fails with ShortcutUsed, at any depth: direct,
aliased, through getattr/importlib/exec, a helper in another cell, a subclass, a callback handed
to NumPy or to a C trampoline (map, functools.partial), a thread, a foreign ufunc.
"""

from __future__ import annotations

import functools
import importlib
import sys

import numpy as np
import pytest
import scipy.signal
import scipy.special
import torch
import torch.nn.functional as F

import labkit.nn as lnn
from labkit.checks import TORCH_TENSOR_MATH, CheckFailed, ShortcutUsed, own_work
from labkit.exercises.allowlist import Allowance


def sigmoid_numpy(z):
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))


def _helper(z):  # "another cell" of the learner's
    return sigmoid_numpy(z)


def test_honest_numpy_answer_passes_and_returns_its_result():
    watched = own_work(sigmoid_numpy, asks_for="your own sigmoid")
    np.testing.assert_allclose(watched(np.zeros(3)), 0.5)
    np.testing.assert_allclose(own_work(_helper, asks_for="x")(np.zeros(2)), 0.5)


def test_standard_library_and_imports_inside_the_answer_are_allowed():
    def answer(z):
        import math
        import statistics
        from collections import Counter
        return [1 / (1 + math.exp(-v)) for v in z] + [statistics.mean(z), len(Counter(z))]

    assert len(own_work(answer, asks_for="x")([0.0, 1.0])) == 4


# Routes to a library's sigmoid: each must fail, whatever the spelling.
class _Sub(lnn.Sigmoid):
    pass


ROUTES = {
    "labkit_direct": lambda z: lnn.Sigmoid()(np.asarray(z, dtype=float)),
    "labkit_getattr": lambda z: getattr(importlib.import_module("labkit." + "nn"), "Sig" + "moid")()(np.asarray(z)),
    "labkit_subclass": lambda z: _Sub()(np.asarray(z, dtype=float)),
    "scipy_ufunc": lambda z: scipy.special.expit(z),
    "scipy_ufunc_alias": lambda z: getattr(importlib.import_module("scipy.special"), "ex" + "pit")(z),
    "scipy_python": lambda z: scipy.special.softmax(np.stack([np.zeros_like(z), z]), axis=0)[1],
    "torch_builtin": lambda z: torch.sigmoid(torch.as_tensor(z)).numpy(),
    "torch_method": lambda z: torch.as_tensor(z).sigmoid().numpy(),
    "torch_functional": lambda z: F.sigmoid(torch.as_tensor(z)).numpy(),
    "torch_special": lambda z: torch.special.expit(torch.as_tensor(z)).numpy(),
    "torch_through_map": lambda z: np.asarray(list(map(torch.sigmoid, [torch.as_tensor(z)]))[0].tolist()),
    "torch_through_partial": lambda z: functools.partial(torch.sigmoid)(torch.as_tensor(z)).tolist(),
    "callback_to_numpy": lambda z: np.apply_along_axis(lambda r: scipy.special.softmax(np.stack([0 * r, r]), 0)[1],
                                                       0, z),
    "exec": lambda z: (lambda g: (exec("import scipy.special as s\nf = s.softmax", g), g["f"])[1])({})(
        np.stack([np.zeros_like(z), z]), axis=0)[1],
}


def _thread_route(z):
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lnn.Sigmoid(), np.asarray(z)).result()


ROUTES["thread"] = _thread_route


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_every_route_to_a_library_sigmoid_is_caught(route):
    watched = own_work(ROUTES[route], asks_for="your own sigmoid, written with NumPy", name="sigmoid")
    with pytest.raises(ShortcutUsed) as err:
        watched(np.array([0.0, 1.0]))
    message = str(err.value)
    assert message.startswith("sigmoid(...) reached "), message
    assert "asks for your own sigmoid" in message and "NumPy" in message and "Hint:" in message


def test_the_message_names_what_ran_and_what_is_allowed():
    watched = own_work(ROUTES["scipy_ufunc"], asks_for="your sigmoid", allow=["torch.matmul"], name="sigmoid")
    with pytest.raises(ShortcutUsed, match=r"reached scipy\.special\.expit .*\n.*may use your own code, NumPy, "
                                           r"and Python's built-ins and standard library, and torch\.matmul"):
        watched(np.zeros(2))


def tensor_sigmoid(x):
    y = x.clone()
    return 1 / (1 + torch.exp(-y)) + 0 * y.sum() + 0 * x[0]


def tensor_grad(x):
    x = x.detach().clone().requires_grad_(True)
    (x ** 2).sum().backward()
    return x.grad * x.shape[0]


@pytest.mark.parametrize("answer", [tensor_sigmoid, tensor_grad])
def test_tensor_primitives_pass_with_the_preset(answer):
    own_work(answer, asks_for="x", allow=TORCH_TENSOR_MATH)(torch.linspace(-1, 1, 5))


@pytest.mark.parametrize("answer", [tensor_sigmoid, tensor_grad])
def test_torch_is_not_allowed_by_default(answer):
    with pytest.raises(ShortcutUsed):
        own_work(answer, asks_for="x")(torch.linspace(-1, 1, 5))


@pytest.mark.parametrize("route", [lambda x: torch.sigmoid(x), lambda x: x.sigmoid(), lambda x: F.softmax(x, 0),
                                   lambda x: torch.special.softmax(x, 0), lambda x: x.softmax(0),
                                   lambda x: torch.nn.Softmax(0)(x)])
def test_preset_keeps_activations_out(route):
    with pytest.raises(ShortcutUsed):
        own_work(route, asks_for="x", allow=TORCH_TENSOR_MATH)(torch.linspace(-1, 1, 5))


def test_exclude_takes_a_numpy_routine_away_and_other_libraries_stay_out():
    kernel = [1.0, 2.0]
    own = own_work(lambda x: np.array([x[i] * 2 + x[i + 1] for i in range(len(x) - 1)]), asks_for="x",
                   exclude=["numpy.convolve"])
    own(np.arange(4.0))
    for route in (lambda x: np.convolve(x, kernel, "valid"), lambda x: scipy.signal.convolve(x, kernel, "valid"),
                  lambda x: np.correlate(x, kernel[::-1], "valid") if False else np.convolve(x, kernel)):
        with pytest.raises(ShortcutUsed):
            own_work(route, asks_for="x", exclude=["numpy.convolve"])(np.arange(4.0))


def test_an_allowed_module_admits_its_classes_and_what_they_call():
    def build():
        torch.manual_seed(0)
        net = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3), torch.nn.ReLU(), torch.nn.Flatten())
        return net(torch.zeros(1, 1, 5, 5))

    assert own_work(build, asks_for="x", allow=["torch.nn", "torch.manual_seed", "torch.zeros"])().shape == (1, 18)
    with pytest.raises(ShortcutUsed, match="torch"):
        own_work(build, asks_for="x", allow=["torch.nn"])()  # torch.zeros is not in torch.nn


def test_a_learner_class_and_its_methods_are_the_learners():
    class Neuron:
        def __init__(self, w):
            self.w = list(w)

        def __call__(self, x):
            return sum(a * b for a, b in zip(self.w, x))

    class MyList(list):
        pass

    def answer(x):
        items = MyList()
        items.append(Neuron([1, 2])(x))
        return items

    assert own_work(answer, asks_for="x")([3, 4]) == [11]


def test_turning_the_watch_off_is_reported_and_state_restored():
    def sneaky(z):
        sys.setprofile(None)
        return z

    before = sys.getprofile()
    with pytest.raises(CheckFailed):
        own_work(sneaky, asks_for="x")(1)
    assert sys.getprofile() is before


def test_state_restored_after_a_failing_call():
    before = sys.getprofile()
    with pytest.raises(ShortcutUsed):
        own_work(ROUTES["labkit_direct"], asks_for="x")(np.zeros(1))
    assert sys.getprofile() is before
    with pytest.raises(ZeroDivisionError):
        own_work(lambda: 1 / 0, asks_for="x")()
    assert sys.getprofile() is before


def test_bad_arguments_are_clear():
    with pytest.raises(CheckFailed, match="expected your function, got a int"):
        own_work(3, asks_for="x")
    with pytest.raises(TypeError, match="allow must be a list"):
        own_work(sigmoid_numpy, asks_for="x", allow="torch.nn")
    with pytest.raises(ValueError, match=r"'torch\.nn\.Sigmod'.*has no attribute 'Sigmod'"):
        own_work(sigmoid_numpy, asks_for="x", allow=["torch.nn.Sigmod"])
    with pytest.raises(TypeError, match="asks_for"):
        own_work(sigmoid_numpy, asks_for="")


def test_every_preset_entry_resolves():
    allowance = Allowance(TORCH_TENSOR_MATH)
    assert len(allowance.methods) > 100 and len(allowance.objects) > 50


def test_an_excluded_numpy_ufunc_is_caught_however_it_is_looked_up():
    for route in (lambda x: np.tanh(x), lambda x: getattr(np, "ta" + "nh")(x),
                  lambda x: importlib.import_module("numpy").tanh(x)):
        with pytest.raises(ShortcutUsed, match=r"numpy\.tanh"):
            own_work(route, asks_for="your tanh", exclude=["numpy.tanh"])(np.zeros(2))
    own = own_work(lambda x: (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x)), asks_for="x", exclude=["numpy.tanh"])
    np.testing.assert_allclose(own(np.zeros(2)), 0.0)
    assert np.tanh is np.core.umath.tanh if hasattr(np, "core") else True  # put back after the call
    assert type(np.tanh) is np.ufunc


def test_a_foreign_ufunc_is_put_back_after_the_call():
    with pytest.raises(ShortcutUsed):
        own_work(ROUTES["scipy_ufunc"], asks_for="x")(np.zeros(2))
    assert type(scipy.special.expit) is np.ufunc
