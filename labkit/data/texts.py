"""Short review texts for sentiment and topic classification, authored for NN Lab.

Two parts (see datasets/cards/texts.md): 500 hand-written reviews in
``datasets/texts/reviews_<domain>.tsv`` and texts composed, with a seed, from the
hand-written fragments in ``datasets/texts/fragments.json`` (openers, pros, cons,
verdicts), many of them with a concession ("X, but Y") whose two halves disagree.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np

from labkit.data.cache import DATASETS_DIR
from labkit.data.dataset import Dataset
from labkit.data.validation import check_choice, check_int, check_seed
from labkit.data.vocab import Vocab

TEXTS_DIR = DATASETS_DIR / "texts"
DOMAINS = ("electronics", "books", "movies", "restaurants", "hotels")
SENTIMENTS = ("negative", "positive")
# how often each composition pattern is used (see _compose)
PATTERNS = {"plain": 0.34, "but": 0.18, "although": 0.1, "even_though": 0.06, "mixed": 0.12, "still": 0.06,
            "short": 0.14}


def read_handwritten(folder: Path = TEXTS_DIR) -> list[tuple[str, int, int]]:
    """The hand-written reviews as (text, sentiment 0/1, domain index) triples."""
    rows = []
    for d, domain in enumerate(DOMAINS):
        path = folder / f"reviews_{domain}.tsv"
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing; the texts corpus lives in datasets/texts/ of the NN Lab repository.")
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                rows.append((row["text"].strip(), {"neg": 0, "pos": 1}[row["label"]], d))
    return rows


def read_fragments(folder: Path = TEXTS_DIR) -> dict:
    """The composition fragments (see fragments.json)."""
    with open(folder / "fragments.json", encoding="utf-8") as handle:
        return json.load(handle)


def compose_reviews(n: int, fragments: dict, rng: np.random.Generator, exclude: set[str] = frozenset()) -> list[tuple[str, int, int]]:
    """``n`` distinct composed reviews, balanced over sentiment and domain: (text, sentiment, domain)."""
    out: list[tuple[str, int, int]] = []
    seen = set(exclude)
    names, weights = list(PATTERNS), np.array(list(PATTERNS.values()))
    for i in range(n):
        label, domain = i % 2, (i // 2) % len(DOMAINS)
        for _attempt in range(1000):
            pattern = names[rng.choice(len(names), p=weights / weights.sum())]
            text = _compose(pattern, label, fragments, DOMAINS[domain], rng)
            if text not in seen:
                break
        else:
            raise RuntimeError("could not compose enough distinct texts; ask for fewer (n_composed).")
        seen.add(text)
        out.append((text, label, domain))
    return out


def load_texts(
    target: str = "sentiment", *, n_composed: int = 2000, include_handwritten: bool = True, seed: int = 0
) -> Dataset:
    """Review texts labelled by sentiment (0 negative, 1 positive) or topic (5 domains).

    target: "sentiment" or "topic" (the domain: electronics, books, movies, restaurants, hotels).
    n_composed: how many texts to compose from fragments (0..6000), added to the
        500 hand-written ones (include_handwritten=False leaves only composed texts).
    Returns X (N, L) int64 word ids padded with 0 (``<s> words </s> <pad>..``),
    y (N,) int64, and extras "texts" (the strings), "vocab" (word :class:`Vocab`
    built on all texts; fit your own on the training split to avoid leakage),
    "sentiment", "domain", "handwritten" (bool), "domain_names".
    Rows are shuffled with ``seed``; both classes are equally frequent.
    """
    target = check_choice("target", target, ("sentiment", "topic"))
    n_composed = check_int("n_composed", n_composed, minimum=0, maximum=6000)
    if not isinstance(include_handwritten, bool):
        raise TypeError(f"include_handwritten must be True or False, got {include_handwritten!r}.")
    if not include_handwritten and n_composed == 0:
        raise ValueError("n_composed=0 with include_handwritten=False leaves no texts; ask for some.")
    rng = np.random.default_rng(check_seed(seed))
    hand = read_handwritten() if include_handwritten else []
    composed = compose_reviews(n_composed, read_fragments(), rng, exclude={t for t, _, _ in hand})
    rows = hand + composed
    order = rng.permutation(len(rows))
    texts = [rows[i][0] for i in order]
    sentiment = np.array([rows[i][1] for i in order], dtype=np.int64)
    domain = np.array([rows[i][2] for i in order], dtype=np.int64)
    handwritten = order < len(hand)
    vocab = Vocab.build(texts, level="word")
    return Dataset(
        X=vocab.encode_batch(texts),
        y=sentiment if target == "sentiment" else domain,
        feature_names=None,
        target_names=list(SENTIMENTS) if target == "sentiment" else list(DOMAINS),
        description=f"{len(texts)} short reviews ({int(handwritten.sum())} hand-written) labelled by {target}",
        extras={
            "texts": texts,
            "vocab": vocab,
            "sentiment": sentiment,
            "domain": domain,
            "handwritten": handwritten,
            "domain_names": list(DOMAINS),
        },
        per_sample=("texts", "sentiment", "domain", "handwritten"),
    )


def _compose(pattern: str, label: int, fragments: dict, domain: str, rng: np.random.Generator) -> str:
    """One review whose overall sentiment is ``label``; the opposite side may appear as a concession."""
    parts = fragments["domains"][domain]
    same = parts["pros"] if label == 1 else parts["cons"]
    other = parts["cons"] if label == 1 else parts["pros"]
    verdicts = fragments["verdicts"]["pos" if label == 1 else "neg"]

    def pick(options: list[str]) -> str:
        return options[rng.integers(len(options))]

    # pros[i] and cons[i] describe the same aspect, so the concession takes a third index
    a, b, c = rng.choice(len(same), size=3, replace=False)
    good, good2, bad = same[a], same[b], other[c]
    verdict = pick(verdicts)
    if pattern == "plain":
        body = [f"{_cap(good)}, and {good2}.", verdict]
    elif pattern == "but":
        body = [f"{_cap(bad)}, but {good}.", verdict]
    elif pattern == "although":
        body = [f"Although {bad}, {good}.", verdict]
    elif pattern == "even_though":
        body = [f"{_cap(good)}, even though {bad}."]
    elif pattern == "mixed":
        body = [f"{_cap(good)}.", f"{_cap(bad)}.", verdict] if rng.random() < 0.5 else [
            f"{_cap(bad)}.", f"{_cap(good)}.", verdict]
    elif pattern == "still":
        body = [f"{_cap(bad)}.", f"Still, {good}."]
    else:  # short
        body = [f"{_cap(good)}."] if rng.random() < 0.5 else [pick(parts["openers"]), verdict]
    lead = []
    if rng.random() < 0.5 and pattern != "short":
        lead.append(pick(parts["openers"]))
    if rng.random() < 0.15:
        lead.insert(0, pick(fragments["fillers"]))
    return " ".join(lead + body)


def _cap(clause: str) -> str:
    return clause[:1].upper() + clause[1:]
