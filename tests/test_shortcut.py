"""labkit.shortcut: an answer that calls the library fails, by every route; honest NumPy passes."""

from __future__ import annotations

import importlib
import sys

import numpy as np
import pytest

import labkit.nn as lnn
from labkit.checks import CheckFailed, ShortcutUsed, own_work
from labkit.shortcut import Recorder, find_forbidden, resolve

SIGMOID = ["labkit.nn.Sigmoid", "labkit.nn.activations.sigmoid", "torch.sigmoid", "torch.Tensor.sigmoid",
           "torch.nn.functional.sigmoid"]


def honest(z):
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))


def test_honest_numpy_answer_passes_and_returns_its_result():
    watched = own_work(honest, forbid=SIGMOID, asks_for="your own sigmoid")
    np.testing.assert_allclose(watched(np.zeros(3)), 0.5)


def _direct(z):
    return lnn.Sigmoid()(np.asarray(z, dtype=float))


_alias_cls = lnn.Sigmoid


def _alias(z):
    return _alias_cls().forward(np.asarray(z, dtype=float))


def _getattr(z):
    return getattr(importlib.import_module("labkit." + "nn"), "Sig" + "moid")()(np.asarray(z, dtype=float))


def _helper_elsewhere(z):
    return _direct(z)


class _Sub(lnn.Sigmoid):
    pass


def _subclass(z):
    return _Sub()(np.asarray(z, dtype=float))


def _function(z):
    from labkit.nn import sigmoid as s
    return s(np.asarray(z, dtype=float))


def _torch_builtin(z):
    import torch
    return torch.sigmoid(torch.as_tensor(z)).numpy()


def _torch_method(z):
    import torch
    return torch.as_tensor(np.asarray(z, dtype=float)).sigmoid().numpy()


def _torch_functional(z):
    import torch
    f = torch.nn.functional
    return f.sigmoid(torch.as_tensor(np.asarray(z, dtype=float))).numpy()


def _torch_module(z):
    import torch
    return torch.nn.Sigmoid()(torch.as_tensor(np.asarray(z, dtype=float))).numpy()


@pytest.mark.parametrize("route", [_direct, _alias, _getattr, _helper_elsewhere, _subclass, _function,
                                   _torch_builtin, _torch_method, _torch_functional],
                         ids=lambda f: f.__name__)
def test_every_route_to_the_library_is_caught(route):
    watched = own_work(route, forbid=SIGMOID, asks_for="your own sigmoid", name="sigmoid")
    with pytest.raises(ShortcutUsed) as err:
        watched(np.array([0.0, 1.0]))
    message = str(err.value)
    assert message.startswith("sigmoid(...) called ")
    assert "asks for your own sigmoid" in message
    assert "Hint:" in message


def test_torch_module_caught_when_its_class_is_forbidden():
    watched = own_work(_torch_module, forbid=["torch.nn.Sigmoid"], asks_for="x")
    with pytest.raises(ShortcutUsed, match=r"torch\.nn\.modules\.activation\.Sigmoid\.forward"):
        watched([0.0])


def test_whole_module_entry_forbids_everything_in_it():
    watched = own_work(_function, forbid=["labkit.nn.activations"], asks_for="x")
    with pytest.raises(ShortcutUsed, match="labkit.nn.activations.sigmoid"):
        watched([0.0])


def test_other_labkit_pieces_stay_allowed():
    def uses_linear(x):
        return lnn.Linear(2, 1)(np.asarray(x, dtype=float))
    own_work(uses_linear, forbid=SIGMOID, asks_for="x")(np.ones((3, 2)))


def test_tensor_method_rule_does_not_catch_same_named_numpy_method():
    def numpy_sum(x):
        return np.asarray(x).sum()
    assert own_work(numpy_sum, forbid=["torch.Tensor.sum", "torch.sum"], asks_for="x")([1, 2]) == 3


def test_turning_the_profiler_off_is_reported():
    def sneaky(z):
        sys.setprofile(None)
        return _direct(z)
    with pytest.raises(CheckFailed, match="profiler"):
        own_work(sneaky, forbid=SIGMOID, asks_for="x")([0.0])
    assert sys.getprofile() is None


def test_profiler_state_restored_after_a_failing_call():
    def boom(z):
        raise ValueError("learner bug")
    with pytest.raises(ValueError, match="learner bug"):
        own_work(boom, forbid=SIGMOID, asks_for="x")([0.0])
    assert sys.getprofile() is None


def test_nested_watch_feeds_the_outer_recorder():
    inner = own_work(honest, forbid=["numpy.linalg"], asks_for="x")

    def outer(z):
        inner(z)
        return _direct(z)
    with pytest.raises(ShortcutUsed):
        own_work(outer, forbid=SIGMOID, asks_for="x")([0.0])


def test_typo_in_loaded_package_is_an_error_for_the_author():
    with pytest.raises(ValueError, match="has no attribute 'Sigmod'"):
        resolve(["labkit.nn.Sigmod"])


def test_unloaded_packages_are_skipped():
    assert resolve(["surely_not_a_loaded_package.thing"]) == []


def test_bad_arguments_are_clear():
    with pytest.raises(TypeError, match="non-empty list"):
        own_work(honest, forbid="labkit.nn.Sigmoid", asks_for="x")
    with pytest.raises(CheckFailed, match="expected your function"):
        own_work(3, forbid=SIGMOID, asks_for="x")


def test_find_forbidden_reports_entry_and_what_ran():
    with Recorder() as rec:
        _direct([0.0])
    entry, where = find_forbidden(rec.called, ["labkit.nn.Sigmoid"])
    assert entry == "labkit.nn.Sigmoid"
    assert where.startswith("labkit.nn.activations.Sigmoid.")


def test_ufunc_entries_are_refused_with_a_reason():
    import scipy.special  # noqa: F401
    with pytest.raises(ValueError, match="ufunc"):
        resolve(["scipy.special.expit"])
