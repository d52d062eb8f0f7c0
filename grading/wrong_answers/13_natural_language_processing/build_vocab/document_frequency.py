# mistake: Counts texts, not occurrences
# why: Each text's tokens are turned into a set before counting, so a token is counted once per text; "good" appearing three times in two texts gets 2 instead of 3.
# hint: In the example "good" occurs three times: check that your count sees every occurrence, including repeats within one text.
from collections import Counter


def build_vocab(token_lists, min_count=1):
    """List of token lists -> {token: id}: <pad> 0, <unk> 1, then tokens seen >= min_count times, most frequent first."""
    counts = Counter(token for tokens in token_lists for token in set(tokens))  # texts containing each token
    kept = sorted((t for t, c in counts.items() if c >= min_count), key=lambda t: (-counts[t], t))
    vocab = {"<pad>": 0, "<unk>": 1}
    for token in kept:
        vocab[token] = len(vocab)
    return vocab


def encode(tokens, vocab):
    """List of tokens -> list of ids (1 for a token not in vocab)."""
    return [vocab.get(token, 1) for token in tokens]
