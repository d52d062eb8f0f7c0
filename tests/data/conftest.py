"""One BLAS thread per test module here: on a busy 2-core machine, scikit-learn's solvers
run many times slower when OpenBLAS starts a thread per core for tiny matrices."""

from __future__ import annotations

import pytest
from threadpoolctl import threadpool_limits


@pytest.fixture(autouse=True, scope="module")
def single_blas_thread():
    with threadpool_limits(limits=1):
        yield
