"""labkit.checks: messages that teach, and checks that can fail."""

import numpy as np
import pytest
import torch

from labkit.checks import (CheckFailed, check_callable, check_close, check_equal, check_raises, check_shape,
                           check_true, show)


def test_close_passes_on_equal_values_and_tensors():
    check_close(16.0, 16.0)
    check_close(np.array([1.0, 2.0]), [1.0, 2.0 + 1e-12])
    check_close(torch.tensor([1.0, 2.0]), [1.0, 2.0])


def test_close_message_names_call_value_expected_and_matched_mistake():
    with pytest.raises(CheckFailed) as err:
        check_close(11.0, 16.0, call="weighted_sum(x=[1, 2], w=[3, 4], b=5)",
                    mistakes={"Did you add b?": 11.0, "sign": 6.0}, hint="generic")
    msg = str(err.value)
    assert "weighted_sum(x=[1, 2], w=[3, 4], b=5) returned 11, expected 16." in msg
    assert "Hint: Did you add b?" in msg and "generic" not in msg


def test_close_falls_back_to_generic_hint():
    with pytest.raises(CheckFailed, match="Hint: generic"):
        check_close(3.0, 16.0, mistakes={"x": 11.0}, hint="generic")


def test_close_explains_shape_mismatch():
    with pytest.raises(CheckFailed, match=r"shape is \(2,\), expected \(3,\)"):
        check_close([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(CheckFailed, match="Same number of entries"):
        check_close(np.ones((2, 3)), np.ones((3, 2)))


def test_close_reports_first_differing_entry_and_nan():
    with pytest.raises(CheckFailed, match=r"1 of 3 entries differ; the first at index \(2,\)"):
        check_close([1.0, 2.0, 4.0], [1.0, 2.0, 3.0])
    with pytest.raises(CheckFailed, match="NaN"):
        check_close([np.nan], [1.0])


def test_close_on_none_and_non_numbers():
    with pytest.raises(CheckFailed, match="forget `return`"):
        check_close(None, 1.0)
    with pytest.raises(CheckFailed, match="not a number"):
        check_close("abc", 1.0)


def test_equal_and_mistakes():
    check_equal([1, 2], [1, 2])
    with pytest.raises(CheckFailed, match="Hint: stop early"):
        check_equal([1, 0, 0], [1, 0], mistakes={"stop early": [1, 0, 0]})
    with pytest.raises(CheckFailed):
        check_equal(np.array([1, 2]), np.array([1, 3]))


def test_shape_true_callable_raises():
    check_shape(np.zeros((2, 3)), (2, 3))
    with pytest.raises(CheckFailed, match=r"shape \(3, 2\), expected shape \(2, 3\)"):
        check_shape(np.zeros((3, 2)), (2, 3))
    with pytest.raises(CheckFailed, match="Hint: h"):
        check_true(False, "msg", hint="h")
    with pytest.raises(CheckFailed, match="is not defined"):
        check_callable({}, "f")
    with pytest.raises(CheckFailed, match="should be a function"):
        check_callable({"f": 3}, "f")
    assert check_callable({"f": len}, "f") is len
    check_raises(lambda: int("x"), ValueError, call="int('x')")
    with pytest.raises(CheckFailed, match="raised nothing"):
        check_raises(lambda: 1, ValueError, call="f()")
    with pytest.raises(CheckFailed, match="raised TypeError"):
        check_raises(lambda: len(1), ValueError, call="f()")


def test_show_abbreviates_large_arrays():
    assert "shape (100,)" in show(np.arange(100.0))
    assert show(None) == "None"
