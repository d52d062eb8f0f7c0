"""Every loader: shapes, dtypes, determinism under a seed, argument errors, cards."""

from __future__ import annotations

import socket
from pathlib import Path

import numpy as np
import pytest

import labkit.data as data
from labkit.data import LOADERS, Dataset

CARDS = Path(data.__file__).resolve().parents[2] / "datasets" / "cards"

# loader name -> (call with a seed, expected X shape, X dtype, y shape, y dtype, n classes or None)
SMALL = {
    "digits": (lambda s: data.load_digits(shuffle=True, seed=s), (1797, 64), np.float32, (1797,), np.int64, 10),
    "mnist1d": (lambda s: data.load_mnist1d(seed=s, num_samples=200), (160, 40), np.float32, (160,), np.int64, 10),
    "toy": (lambda s: data.load_toy("spirals", 90, n_classes=3, seed=s), (90, 2), np.float32, (90,), np.int64, 3),
    "names": (lambda s: data.load_names("first", seed=s), (5163, 13), np.int64, (5163,), np.int64, 3),
    "time_series": (lambda s: data.load_time_series("train", seed=s, horizon=3), (2288, 32, 1), np.float32,
                    (2288, 3), np.float32, None),
    "vowels": (lambda s: data.load_vowels(4, seed=s), (24, 4800), np.float32, (24,), np.int64, 6),
    "ratings": (lambda s: data.load_ratings(n_users=50, n_items=40, seed=s), None, np.int64, None, np.float32, None),
    "texts": (lambda s: data.load_texts(n_composed=100, seed=s), None, np.int64, (600,), np.int64, 2),
    "loans": (lambda s: data.load_loans(500, seed=s), (500, 6), np.float32, (500,), np.int64, 2),
}


def test_every_loader_is_covered():
    assert set(SMALL) == set(LOADERS)


@pytest.mark.parametrize("name", sorted(SMALL))
def test_shapes_dtypes_and_fields(name):
    load, x_shape, x_dtype, y_shape, y_dtype, n_classes = SMALL[name]
    ds = load(0)
    assert isinstance(ds, Dataset)
    assert ds.X.dtype == x_dtype, f"{name}: X dtype {ds.X.dtype}"
    assert ds.y.dtype == y_dtype, f"{name}: y dtype {ds.y.dtype}"
    if x_shape is not None:
        assert ds.X.shape == x_shape
    if y_shape is not None:
        assert ds.y.shape == y_shape
    assert len(ds.y) == len(ds.X)
    assert isinstance(ds.description, str) and ds.description and "\n" not in ds.description
    assert np.all(np.isfinite(ds.X))
    if n_classes is not None:
        assert len(ds.target_names) == n_classes
        assert ds.y.min() >= 0 and ds.y.max() < n_classes
    if ds.feature_names is not None:
        assert len(ds.feature_names) == ds.X.shape[-1]
    tensors = ds.to_torch().tensors
    assert tensors[0].shape == ds.X.shape


@pytest.mark.parametrize("name", sorted(SMALL))
def test_same_seed_same_data_other_seed_other_data(name):
    load = SMALL[name][0]
    a, b, c = load(3), load(3), load(4)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)
    assert a.X.shape != c.X.shape or not np.array_equal(a.X, c.X)


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_card_exists_with_required_sections(name):
    card = CARDS / f"{name}.md"
    assert card.exists(), f"no dataset card {card}"
    text = card.read_text(encoding="utf-8")
    for section in ("Source", "Licence", "Size", "How it was made", "Known biases"):
        assert f"**{section}" in text, f"{card.name} lacks a '{section}' entry"


def test_loaders_never_open_a_socket(monkeypatch, tmp_path):
    """Fresh cache, every socket constructor broken: all loaders still work."""
    monkeypatch.setenv("LABKIT_CACHE_DIR", str(tmp_path))

    def no_socket(*args, **kwargs):
        raise AssertionError("a loader tried to open a socket")

    monkeypatch.setattr(socket, "socket", no_socket)
    monkeypatch.setattr(socket, "create_connection", no_socket)
    for name, (load, *_rest) in SMALL.items():
        assert len(load(0)) > 0, name


def test_digits_pixels_and_images_agree():
    flat, cube = data.load_digits(), data.load_digits(images=True)
    assert cube.X.shape == (1797, 1, 8, 8) and flat.X.min() == 0 and flat.X.max() == 1
    np.testing.assert_array_equal(flat.X.reshape(-1, 1, 8, 8), cube.X)
    np.testing.assert_array_equal(flat.extras["images"], cube.X)
    from sklearn.datasets import load_digits

    np.testing.assert_allclose(flat.X * 16, load_digits().data)


def test_mnist1d_matches_the_package_defaults():
    train, test = data.load_mnist1d("train"), data.load_mnist1d("test")
    assert train.X.shape == (4000, 40) and test.X.shape == (1000, 40)
    assert train.extras["settings"]["seed"] == 42
    assert np.bincount(np.concatenate([train.y, test.y])).tolist() == [500] * 10
    assert len(data.load_mnist1d("all")) == 5000


def test_toy_sets_by_name_match_makers():
    for name, maker in [("moons", data.make_moons), ("circles", data.make_circles), ("xor", data.make_xor),
                        ("spirals", data.make_spirals), ("blobs", data.make_blobs)]:
        a, b = data.load_toy(name, 60, seed=2), maker(60, seed=2)
        np.testing.assert_array_equal(a.X, b.X)
    xor = data.make_xor(500, noise=0.0)
    np.testing.assert_array_equal(xor.y, (xor.X[:, 0] * xor.X[:, 1] > 0).astype(int))


def test_names_encode_decode_round_trip():
    ds = data.load_names("male", max_names=50)
    vocab = ds.extras["vocab"]
    assert len(ds) == 50
    for row, name in zip(ds.X, ds.extras["names"]):
        assert vocab.decode(row) == name
        assert row[0] == vocab.start_id and row[len(name) + 1] == vocab.end_id
    assert vocab.encode("ab") == [1, 4, 5, 2]
    assert set("".join(data.load_names("last").extras["names"])) <= set("abcdefghijklmnopqrstuvwxyz")


def test_time_series_windows_and_time_split():
    train = data.load_time_series("train", horizon=2)
    test = data.load_time_series("test", horizon=2)
    cutoff = train.extras["cutoff"]
    for ds in (train, test):
        i = len(ds) // 2
        series = ds.extras["series"][ds.extras["series_index"][i]]
        start = ds.extras["start"][i]
        np.testing.assert_allclose(ds.X[i, :, 0], series[start : start + 32])
        np.testing.assert_allclose(ds.y[i], series[start + 32 : start + 34])
    assert (train.extras["start"] + 34 <= cutoff).all()
    assert (test.extras["start"] + 32 >= cutoff).all()


def test_ratings_structure():
    ds = data.load_ratings(seed=1)
    e = ds.extras
    assert set(np.unique(ds.y)) <= {1, 2, 3, 4, 5}
    assert e["observed"].sum() == len(ds) and e["observed"][ds.X[:, 0], ds.X[:, 1]].all()
    assert e["observed"].any(axis=1).all()  # every user rated something
    assert 0.07 < e["observed"].mean() < 0.13
    residual = ds.y - e["true_matrix"][ds.X[:, 0], ds.X[:, 1]]
    assert abs(residual.mean()) < 0.1 and residual.std() < 0.7
    assert ds.y.mean() > e["true_matrix"].mean() + 0.3  # missing not at random: liked items are rated more


def test_loans_bias_is_present_and_controlled_by_bias():
    biased, fair = data.load_loans(4000, seed=1), data.load_loans(4000, bias=0.0, seed=1)
    s, f = biased.extras["summary"], fair.extras["summary"]
    assert abs(s["repay_rate_A"] - s["repay_rate_B"]) < 0.05  # equally creditworthy groups
    assert s["approval_rate_A"] - s["approval_rate_B"] > 0.15
    assert abs(f["approval_rate_A"] - f["approval_rate_B"]) < 0.1
    group, area = biased.extras["group"], biased.X[:, biased.feature_names.index("zip_area")]
    assert (area[group == 1] >= 7).mean() > 0.7 > (area[group == 0] >= 7).mean()
    with_group = data.load_loans(100, include_group=True)
    np.testing.assert_array_equal(with_group.X[:, -1], with_group.extras["group"])


BAD = [
    (lambda: data.load_toy("moon"), ValueError, "name='moon'"),
    (lambda: data.make_moons(-5), ValueError, "n_samples must be >= 2, got -5"),
    (lambda: data.make_moons(noise=-0.1), ValueError, "noise must lie in"),
    (lambda: data.make_circles(factor=1.5), ValueError, "factor must lie in"),
    (lambda: data.make_spirals(n_classes=1), ValueError, "n_classes must be >= 2"),
    (lambda: data.load_toy("spirals", factor=0.3), TypeError, "does not take"),
    (lambda: data.make_blobs(n_samples=2.5), TypeError, "n_samples must be an integer"),
    (lambda: data.load_digits(seed=-1), ValueError, "seed must be >= 0"),
    (lambda: data.load_mnist1d("validation"), ValueError, "split='validation'"),
    (lambda: data.load_mnist1d(num_sample=10), TypeError, "unknown settings"),
    (lambda: data.load_names("middle"), ValueError, "kind='middle'"),
    (lambda: data.load_names(max_names=0), ValueError, "max_names must be >= 1"),
    (lambda: data.load_time_series(window=390), ValueError, "window=390"),
    (lambda: data.load_time_series(noise=float("nan")), ValueError, "noise must be a finite number"),
    (lambda: data.load_vowels(vowels=("iy", "zz")), ValueError, "vowels entry='zz'"),
    (lambda: data.load_vowels(sample_rate=44100), ValueError, "sample_rate=44100"),
    (lambda: data.load_vowels(snr_db=(30, 10)), ValueError, "low <= high"),
    (lambda: data.load_ratings(density=0), ValueError, "density must lie in"),
    (lambda: data.load_ratings(rank=0), ValueError, "rank must be >= 1"),
    (lambda: data.load_texts("emotion"), ValueError, "target='emotion'"),
    (lambda: data.load_texts(n_composed=-1), ValueError, "n_composed must be >= 0"),
    (lambda: data.load_loans(bias=-1), ValueError, "bias must lie in"),
    (lambda: data.load_loans(group_b_share=1.0), ValueError, "group_b_share must lie in"),
]


@pytest.mark.parametrize("call, error, message", BAD, ids=[m for _, _, m in BAD])
def test_bad_arguments_name_argument_value_and_allowed(call, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        call()


def test_unknown_loader_name_lists_the_datasets():
    with pytest.raises(KeyError) as err:
        data.LOADERS["digit"]
    message = str(err.value)
    assert message.startswith("LOADERS has no dataset 'digit'; the datasets are [")
    assert "'mnist1d'" in message and "did you mean 'digits'?" in message
    assert data.LOADERS["digits"] is data.load_digits and data.LOADERS.get("digit") is None


def test_loans_publish_no_oracle():
    """Lesson 21's capstone asks learners to learn repayment from data: no public function, extra,
    docstring, card or lesson gives the generator's relation (datasets/cards/loans.md says what remains)."""
    import json
    import re
    from pathlib import Path

    from labkit.data import loans

    root = Path(__file__).resolve().parents[2]
    ds = data.load_loans(500, seed=3)
    assert "repay_probability" not in ds.extras and set(ds.per_sample) == {"group", "repaid"}
    assert not [n for n in dir(loans) if not n.startswith("_") and "prob" in n.lower()]
    lesson = json.loads((root / "notebooks/21_transparency_and_capstone/21_transparency_and_capstone.ipynb").read_text())
    texts = {"card": (root / "datasets/cards/loans.md").read_text(), "docstring": data.load_loans.__doc__,
             "module": loans.__doc__, "lesson 21": "".join("".join(c["source"]) for c in lesson["cells"])}
    formula = re.compile(r"log\s*\(\s*income|debt_ratio\s*-\s*0\.3|0\.9\s*log|0\.05\s*\(\s*hist|logit\s*=\s*1\.3")
    assert not {name for name, text in texts.items() if formula.search(text)}
    weights = loans._merit(np.ones(1), np.zeros(1), np.zeros(1), np.zeros(1), np.ones(1))  # only the intercept
    assert f"{float(weights[0]):.4f}" not in "".join(texts.values())
    assert re.search(r"_merit|_ENCODED", (root / "labkit/data/loans.py").read_text())  # encoded, not absent


def test_loans_mechanism_is_what_the_card_says():
    """The card describes the repayment model in words: directions, the debt ratio first, then income,
    about twice employment or history per standard deviation; the ceiling AUC about 0.73."""
    from labkit.data import loans

    ds = data.load_loans(20000, seed=5)
    X = ds.X.astype(float)
    columns = [X[:, 0], X[:, 1], X[:, 2], X[:, 3], X[:, 4]]
    base = loans._merit(*columns)
    effect = {}
    for j, name in enumerate(["income", "debt_ratio", "credit_history_years", "employment_years", "loan_amount"]):
        shifted = [c.copy() for c in columns]
        sd = np.std(np.log(columns[j])) if name in ("income", "loan_amount") else np.std(columns[j])
        shifted[j] = np.exp(np.log(shifted[j]) + sd) if name in ("income", "loan_amount") else shifted[j] + sd
        effect[name] = float(np.mean(loans._merit(*shifted) - base))  # logit change for +1 SD
    assert effect["income"] > 0 and effect["credit_history_years"] > 0 and effect["employment_years"] > 0
    assert effect["debt_ratio"] < 0 and effect["loan_amount"] < 0
    size = {k: abs(v) for k, v in effect.items()}
    assert max(size, key=size.get) == "debt_ratio" and sorted(size, key=size.get)[-2] == "income"
    assert 1.5 < size["debt_ratio"] / size["employment_years"] < 3 and 1.5 < size["debt_ratio"] / size["credit_history_years"] < 3
    assert 0.71 < ds.extras["summary"]["best_possible_auc"] < 0.75
    # the ceiling is the AUC of the true chances: a noisy copy of them ranks worse
    assert ds.extras["summary"]["best_possible_auc"] > loans._rank_auc(base + np.random.default_rng(0).normal(0, 1, len(base)),
                                                                     ds.extras["repaid"])


def test_loans_any_seed_draws_other_applicants():
    """The capstone's hidden applicants come from a seed that no learner sees: a large seed works."""
    a, b = data.load_loans(200, seed=2**100 + 7), data.load_loans(200, seed=2121)
    assert a.X.shape == b.X.shape and not np.allclose(a.X, b.X)
