"""k-anonymity, equivalence classes, generalization and suppression."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labkit.ethics import Table
from labkit.ethics.privacy import (
    bin_numeric,
    equivalence_classes,
    generalize,
    k_anonymity,
    suppress,
    truncate_zip,
)

PEOPLE = {
    "age": [23, 27, 35, 38, 39, 52],
    "zip": ["02139", "02138", "02141", "02142", "02141", "90210"],
    "disease": ["flu", "cold", "flu", "asthma", "flu", "cold"],
}


def test_raw_table_is_one_anonymous_and_generalizing_raises_k():
    assert k_anonymity(PEOPLE, ["age", "zip"]) == 1
    coarse = generalize(PEOPLE, age=lambda ages: bin_numeric(ages, width=10), zip=truncate_zip)
    assert coarse["age"].tolist() == ["[20, 30)", "[20, 30)", "[30, 40)", "[30, 40)", "[30, 40)", "[50, 60)"]
    assert coarse["zip"].tolist() == ["021**"] * 5 + ["902**"]
    classes = equivalence_classes(coarse, ["age", "zip"])
    assert classes["count"].tolist() == [3, 2, 1]
    assert k_anonymity(coarse, ["age", "zip"]) == 1
    kept = suppress(coarse, ["age", "zip"], k=2)
    assert len(kept) == 5 and k_anonymity(kept, ["age", "zip"]) == 2
    assert kept["disease"].tolist() == PEOPLE["disease"][:5]


def test_two_d_array_with_column_names():
    array = np.array([[30, 1], [30, 1], [40, 2]])
    assert k_anonymity(array, ["age", "sex"], columns=["age", "sex"]) == 1
    assert k_anonymity(array, ["age"], columns=["age", "sex"]) == 1
    assert len(suppress(array, ["age"], 2, columns=["age", "sex"])) == 2
    with pytest.raises(ValueError, match="column names"):
        k_anonymity(array, ["age"])


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(st.integers(0, 3), st.sampled_from("ab")), max_size=40), k=st.integers(1, 5))
def test_suppression_gives_k_anonymity_and_keeps_every_large_class(rows, k):
    table = Table({"age": [a for a, _ in rows], "sex": [s for _, s in rows]})
    kept = suppress(table, ["age", "sex"], k)
    assert len(kept) == 0 or k_anonymity(kept, ["age", "sex"]) >= k
    large = sum(n for n in equivalence_classes(table, ["age", "sex"])["count"] if n >= k) if len(table) else 0
    assert len(kept) == large


def test_binning_and_zip_truncation_details():
    assert bin_numeric([0, 9.5, 10, -1], width=10) == ["[0, 10)", "[0, 10)", "[10, 20)", "[-10, 0)"]
    assert bin_numeric([17, 18, 64, 65], edges=[18, 65]) == ["<18", "[18, 65)", "[18, 65)", ">=65"]
    assert bin_numeric([0.25], width=0.5) == ["[0, 0.5)"]
    assert truncate_zip([2139, "90210"], keep=2) == ["02***", "90***"]
    with pytest.raises(ValueError, match="exactly one of width"):
        bin_numeric([1], width=5, edges=[0, 10])
    with pytest.raises(ValueError, match="increasing"):
        bin_numeric([1], edges=[10, 0])
    with pytest.raises(KeyError, match="not columns of the table"):
        k_anonymity(PEOPLE, ["salary"])
    with pytest.raises(ValueError, match="k should be a positive integer"):
        suppress(PEOPLE, ["age"], 0)
