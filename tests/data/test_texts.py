"""The authored texts corpus: size, balance, and a bag-of-words baseline that is good but not perfect."""

from __future__ import annotations

import csv
from collections import Counter

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from labkit.data import load_texts
from labkit.data.texts import DOMAINS, TEXTS_DIR, read_fragments, read_handwritten


@pytest.fixture(scope="module")
def corpus():
    return load_texts(seed=0)


def test_at_least_1000_unique_balanced_texts(corpus):
    texts = corpus.extras["texts"]
    assert len(set(texts)) == len(texts) >= 1000
    assert np.bincount(corpus.y).tolist() == [len(texts) // 2] * 2
    assert set(np.bincount(corpus.extras["domain"])) == {len(texts) // len(DOMAINS)}
    assert corpus.extras["handwritten"].sum() == 500


def test_handwritten_files_are_balanced_and_distinct():
    rows = read_handwritten()
    assert len({text for text, _, _ in rows}) == len(rows) == 500
    counts = Counter((label, domain) for _, label, domain in rows)
    assert set(counts.values()) == {50}
    for domain in DOMAINS:  # the files parse as 3-column TSV with a header
        with open(TEXTS_DIR / f"reviews_{domain}.tsv", encoding="utf-8") as handle:
            assert all(len(row) == 3 for row in csv.reader(handle, delimiter="\t"))


def test_fragments_have_dozens_per_slot():
    fragments = read_fragments()
    for domain in DOMAINS:
        parts = fragments["domains"][domain]
        assert len(parts["pros"]) == len(parts["cons"]) >= 20
        assert len(parts["openers"]) >= 10
    assert min(len(v) for v in fragments["verdicts"].values()) >= 25


def test_bag_of_words_is_good_but_not_perfect(corpus):
    train, test = corpus.split(test=0.25, seed=0)
    model = make_pipeline(CountVectorizer(), LogisticRegression(max_iter=2000))
    model.fit(train.extras["texts"], train.y)
    accuracy = model.score(test.extras["texts"], test.y)
    assert 0.80 < accuracy < 0.99, f"bag-of-words accuracy {accuracy:.3f} should be in (0.80, 0.99)"


def test_ids_decode_to_the_texts(corpus):
    vocab = corpus.extras["vocab"]
    for i in range(0, len(corpus), 250):
        assert vocab.decode(corpus.X[i]) == " ".join(vocab.tokenize(corpus.extras["texts"][i]))


def test_topic_target():
    topic = load_texts("topic", n_composed=200)
    assert topic.target_names == list(DOMAINS)
    np.testing.assert_array_equal(topic.y, topic.extras["domain"])
