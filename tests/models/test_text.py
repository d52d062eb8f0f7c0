"""labkit.text: tokenize, build_vocab, encode."""

from __future__ import annotations

import numpy as np
import pytest

from labkit.text import build_vocab, encode, tokenize


def test_tokenize_lowercases_words_and_splits_punctuation():
    assert tokenize("A GREAT film, isn't it?") == ["a", "great", "film", ",", "isn't", "it", "?"]
    assert tokenize("") == []


def test_vocab_keeps_frequent_tokens_most_frequent_first():
    texts = ["good good film", "bad film", "good plot"]
    vocab = build_vocab(texts)
    assert vocab.itos[:4] == ["<pad>", "<s>", "</s>", "<unk>"]
    assert vocab.itos[4:6] == ["good", "film"]  # counts 3 and 2
    rare_dropped = build_vocab(texts, min_freq=2)
    assert rare_dropped.itos[4:] == ["good", "film"]
    assert len(build_vocab(texts, max_size=1)) == 5
    with pytest.raises(TypeError, match="list of texts"):
        build_vocab("good film")


def test_encode_pads_with_zero_and_maps_unknown_words():
    vocab = build_vocab(["good good film", "bad film"])
    ids = encode(["good film", "a bad bad movie here"], vocab)
    good, film, bad, unk = vocab.stoi["good"], vocab.stoi["film"], vocab.stoi["bad"], vocab.unk_id
    np.testing.assert_array_equal(ids, [[good, film, 0, 0, 0], [unk, bad, bad, unk, unk]])
    assert ids.dtype == np.int64
    np.testing.assert_array_equal(encode(["good film"], vocab, length=1), [[good]])
    assert vocab.decode(encode("good film", vocab)[0]) == "good film"
