"""Text to numbers for the NLP lesson: tokenize, build a vocabulary, encode to padded id arrays.

    tokens = tokenize("A great film!")            # ['a', 'great', 'film', '!']
    vocab = build_vocab(train_texts, min_freq=2)  # ids 0..3: <pad> <s> </s> <unk>
    ids = encode(train_texts, vocab, length=50)   # (N, 50) int64, 0 = padding, 3 = unknown

The vocabulary is :class:`labkit.data.vocab.Vocab` at word level (the same class the
datasets use), so ``vocab.decode(ids[0])`` turns a row back into text.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

from labkit.data.vocab import Vocab


def tokenize(text: str) -> list[str]:
    """Lowercase words (with inner apostrophes: "don't") and punctuation marks, in order.

    text: one string -> list of tokens.
    """
    return Vocab((), level="word").tokenize(text)


def build_vocab(texts: Iterable[str], min_freq: int = 1, max_size: int | None = None) -> Vocab:
    """Word vocabulary of ``texts``: tokens seen at least ``min_freq`` times, most frequent first.

    Args:
        texts: the training texts (never the test texts: that would leak them).
        min_freq: rarer tokens map to ``<unk>`` later.
        max_size: keep at most this many tokens besides <pad>, <s>, </s>, <unk>.

    Returns:
        a ``Vocab``: ``len(vocab)``, ``vocab.stoi[token]``, ``vocab.itos[id]``, ``vocab.decode(ids)``.
    """
    if isinstance(texts, str):
        raise TypeError("build_vocab expects a list of texts, got one string. Wrap it: build_vocab([text]).")
    return Vocab.build(texts, level="word", min_count=min_freq, max_size=max_size)


def encode(texts: Sequence[str], vocab: Vocab, length: int | None = None) -> np.ndarray:
    """Token ids of each text, padded with 0 (``<pad>``) on the right or cut to ``length``.

    Args:
        texts: N strings.
        vocab: from :func:`build_vocab`; unknown tokens become ``vocab.unk_id`` (3).
        length: columns of the result; None uses the longest text.

    Returns:
        ids (N, length) int64.
    """
    if isinstance(texts, str):
        texts = [texts]
    return vocab.encode_batch(list(texts), length=length, add_start_end=False)
