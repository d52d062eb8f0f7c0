# mistake: Reserved ids missing
# why: The words are numbered from 0 and "<pad>" and "<unk>" are absent, so the first word collides with padding and unknown words have no id of their own.
# hint: Which two entries must every vocabulary start with, and at which id do the words begin?
from collections import Counter


def build_vocab(token_lists, min_count=1):
    """List of token lists -> {token: id}: <pad> 0, <unk> 1, then tokens seen >= min_count times, most frequent first."""
    counts = Counter(token for tokens in token_lists for token in tokens)
    kept = sorted((t for t, c in counts.items() if c >= min_count), key=lambda t: (-counts[t], t))
    return {token: i for i, token in enumerate(kept)}


def encode(tokens, vocab):
    """List of tokens -> list of ids (1 for a token not in vocab)."""
    return [vocab.get(token, 1) for token in tokens]
