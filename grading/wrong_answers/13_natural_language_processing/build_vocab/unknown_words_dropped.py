# mistake: Unknown words dropped when encoding
# why: encode skips tokens that are not in the vocabulary, so the ids list is shorter than the text; each unknown token should become the id of <unk>.
# hint: Count: one token in, one id out. What should happen to "awful", which the vocabulary does not know?
from collections import Counter


def build_vocab(token_lists, min_count=1):
    """List of token lists -> {token: id}: <pad> 0, <unk> 1, then tokens seen >= min_count times, most frequent first."""
    counts = Counter(token for tokens in token_lists for token in tokens)
    kept = sorted((t for t, c in counts.items() if c >= min_count), key=lambda t: (-counts[t], t))
    vocab = {"<pad>": 0, "<unk>": 1}
    for token in kept:
        vocab[token] = len(vocab)
    return vocab


def encode(tokens, vocab):
    """List of tokens -> list of ids (1 for a token not in vocab)."""
    return [vocab[token] for token in tokens if token in vocab]
