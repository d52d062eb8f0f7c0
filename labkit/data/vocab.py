"""`Vocab`: map characters or words to integer ids and back, with pad / start / end / unknown tokens."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from labkit.data.validation import check_choice, check_int

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]")


class Vocab:
    """Token <-> id tables. Ids 0..3 are ``<pad>``, ``<s>`` (start), ``</s>`` (end), ``<unk>``.

    level: "char" splits a text into characters, "word" into lowercase words and
    punctuation marks. ``encode("ann")`` -> [1, id(a), id(n), id(n), 2];
    ``decode`` undoes it (stopping at ``</s>``).
    """

    PAD, START, END, UNK = "<pad>", "<s>", "</s>", "<unk>"
    SPECIALS = (PAD, START, END, UNK)
    pad_id, start_id, end_id, unk_id = 0, 1, 2, 3

    def __init__(self, tokens: Iterable[str], level: str = "char") -> None:
        self.level = check_choice("level", level, ("char", "word"))
        self.itos: list[str] = list(self.SPECIALS) + [t for t in dict.fromkeys(tokens) if t not in self.SPECIALS]
        self.stoi: dict[str, int] = {token: i for i, token in enumerate(self.itos)}

    @classmethod
    def build(
        cls, texts: Iterable[str], level: str = "char", *, min_count: int = 1, max_size: int | None = None
    ) -> "Vocab":
        """Vocabulary of the tokens seen in ``texts`` at least ``min_count`` times, most frequent first
        (ties alphabetical), at most ``max_size`` tokens besides the four special ones."""
        level = check_choice("level", level, ("char", "word"))
        min_count = check_int("min_count", min_count, minimum=1)
        counts = Counter(token for text in texts for token in _split(text, level))
        ranked = sorted((t for t, c in counts.items() if c >= min_count), key=lambda t: (-counts[t], t))
        if max_size is not None:
            ranked = ranked[: check_int("max_size", max_size, minimum=0)]
        if level == "char":
            ranked = sorted(ranked)  # alphabetical ids are easier to read for characters
        return cls(ranked, level)

    def __len__(self) -> int:
        return len(self.itos)

    def __repr__(self) -> str:
        preview = " ".join(self.itos[4:14])
        return f"Vocab(level={self.level!r}, size={len(self)}, tokens: {preview}{' ...' if len(self) > 14 else ''})"

    def tokenize(self, text: str) -> list[str]:
        """The tokens of ``text`` (characters, or lowercase words and punctuation)."""
        return _split(text, self.level)

    def encode(self, text: str, *, add_start_end: bool = True) -> list[int]:
        """Ids of the tokens of ``text``; unknown tokens become ``<unk>`` (3)."""
        ids = [self.stoi.get(token, self.unk_id) for token in self.tokenize(text)]
        return [self.start_id, *ids, self.end_id] if add_start_end else ids

    def decode(self, ids: Sequence[int] | np.ndarray) -> str:
        """Text of ``ids``: skips ``<pad>`` and ``<s>``, stops at ``</s>``."""
        tokens = []
        for i in np.asarray(ids, dtype=np.int64).ravel():
            if i == self.end_id:
                break
            if i in (self.pad_id, self.start_id):
                continue
            if not 0 <= i < len(self.itos):
                raise ValueError(f"id {i} is outside this vocabulary (0..{len(self.itos) - 1}).")
            tokens.append(self.itos[i])
        return ("" if self.level == "char" else " ").join(tokens)

    def encode_batch(
        self, texts: Sequence[str], *, length: int | None = None, add_start_end: bool = True
    ) -> np.ndarray:
        """(N, length) int64 ids, padded with ``<pad>`` (0) on the right; longer texts are cut.

        length=None uses the longest encoded text.
        """
        rows = [self.encode(text, add_start_end=add_start_end) for text in texts]
        if length is None:
            length = max((len(r) for r in rows), default=0)
        length = check_int("length", length, minimum=1)
        out = np.full((len(rows), length), self.pad_id, dtype=np.int64)
        for i, row in enumerate(rows):
            out[i, : min(len(row), length)] = row[:length]
        return out


def _split(text: str, level: str) -> list[str]:
    if not isinstance(text, str):
        raise TypeError(f"expected a string, got {text!r} ({type(text).__name__}).")
    return list(text) if level == "char" else _WORD.findall(text.lower())
