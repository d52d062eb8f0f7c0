"""Text to numbers for the NLP lesson: tokenize, build a vocabulary, encode to padded id arrays.

    tokens = tokenize("A great film!")            # ['a', 'great', 'film', '!']
    vocab = build_vocab(train_texts, min_freq=2)  # ids 0..3: <pad> <s> </s> <unk>
    ids = encode(train_texts, vocab, length=50)   # (N, 50) int64, 0 = padding, 3 = unknown

The vocabulary is :class:`labkit.data.vocab.Vocab` at word level (the same class the
datasets use), so ``vocab.decode(ids[0])`` turns a row back into text.
"""

from __future__ import annotations

import re
from collections import Counter
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


# Lesson 13's references: what its demos use until the learner's tokenize, build_vocab, encode and
# bag_of_words pass their checks (labkit.checks.yours_or_reference). They work on plain token lists and
# {token: id} dicts with <pad> 0 and <unk> 1, as the exercises ask, unlike the Vocab-based functions above.
_LESSON_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?|[^\w\s]|_")


def reference_tokenize(text: str) -> list[str]:
    """Lesson 13's tokens: lowercase words (any alphabet, inner apostrophe kept) and single punctuation marks."""
    return _LESSON_TOKEN.findall(text.lower())


def reference_build_vocab(token_lists: Iterable[Sequence[str]], min_count: int = 1) -> dict[str, int]:
    """{token: id}: <pad> 0, <unk> 1, then tokens seen >= min_count times by descending count, ties alphabetically."""
    counts = Counter(token for tokens in token_lists for token in tokens)
    ranked = sorted((token for token, n in counts.items() if n >= min_count), key=lambda token: (-counts[token], token))
    return {"<pad>": 0, "<unk>": 1, **{token: i for i, token in enumerate(ranked, start=2)}}


def reference_encode(tokens: Sequence[str], vocab: dict[str, int]) -> list[int]:
    """Ids of ``tokens`` in ``vocab``, 1 (<unk>) for a token it lacks."""
    return [vocab.get(token, 1) for token in tokens]


def reference_bag_of_words(ids: np.ndarray, vocab_size: int) -> np.ndarray:
    """ids (N, T), 0 = padding -> counts (N, vocab_size) float, column 0 (padding) zero."""
    ids = np.asarray(ids)
    bags = np.zeros((ids.shape[0], vocab_size))
    for row, row_ids in enumerate(ids):
        np.add.at(bags[row], row_ids[row_ids != 0], 1.0)
    return bags
