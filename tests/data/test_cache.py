"""Generated arrays are cached on disk and read back instead of being made again."""

from __future__ import annotations

import numpy as np
import pytest

import labkit.data.vowels as vowels_module
from labkit.data import load_mnist1d, load_vowels
from labkit.data.cache import cache_path, cached_arrays
from labkit.data.mnist1d import mnist1d_settings


@pytest.fixture
def cache(monkeypatch, tmp_path):
    monkeypatch.setenv("LABKIT_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_second_call_reads_the_cache_file(cache, monkeypatch):
    first = load_vowels(3, seed=5)
    files = list(cache.glob("vowels_*.npz"))
    assert len(files) == 1

    def fail(*args, **kwargs):
        raise AssertionError("regenerated although the cache file exists")

    monkeypatch.setattr(vowels_module, "_synthesize_all", fail)
    second = load_vowels(3, seed=5)
    np.testing.assert_array_equal(first.X, second.X)
    np.testing.assert_array_equal(first.extras["formants"], second.extras["formants"])
    with pytest.raises(AssertionError, match="regenerated"):
        load_vowels(3, seed=6)  # other arguments: another file


def test_mnist1d_is_cached_under_a_hash_of_its_settings(monkeypatch):
    """Uses the real cache folder (datasets/cache/), so the paper data is made once per machine."""
    monkeypatch.delenv("LABKIT_CACHE_DIR", raising=False)
    load_mnist1d()
    path = cache_path("mnist1d", mnist1d_settings())
    assert path.exists() and path.name.startswith("mnist1d_") and path.suffix == ".npz"
    import mnist1d.data

    def fail(*args, **kwargs):
        raise AssertionError("make_dataset called although the cache exists")

    monkeypatch.setattr(mnist1d.data, "make_dataset", fail)
    assert load_mnist1d("test").X.shape == (1000, 40)
    assert cache_path("mnist1d", mnist1d_settings(seed=1)) != path


def test_corrupt_cache_file_is_regenerated(cache):
    calls = []

    def make():
        calls.append(1)
        return {"a": np.arange(3)}

    path = cache_path("thing", {"k": 1})
    path.write_bytes(b"not a zip file")
    np.testing.assert_array_equal(cached_arrays("thing", {"k": 1}, make)["a"], [0, 1, 2])
    np.testing.assert_array_equal(cached_arrays("thing", {"k": 1}, make)["a"], [0, 1, 2])
    assert len(calls) == 1


def test_mnist1d_generation_leaves_global_random_state_alone(cache):
    np.random.seed(123)
    expected = np.random.random()
    np.random.seed(123)
    load_mnist1d(num_samples=100)
    assert np.random.random() == expected
