# mistake: Ids in first-seen order
# why: Tokens get ids in the order they first appear, but the vocabulary must list the most frequent first, ties alphabetically.
# hint: Your ids follow the order of the texts: sort the kept tokens by count (descending), then alphabetically, before numbering them.
from collections import Counter


def build_vocab(token_lists, min_count=1):
    """List of token lists -> {token: id}: <pad> 0, <unk> 1, then tokens seen >= min_count times, most frequent first."""
    counts = Counter(token for tokens in token_lists for token in tokens)
    vocab = {"<pad>": 0, "<unk>": 1}
    for token in counts:  # in the order first seen
        if counts[token] >= min_count:
            vocab[token] = len(vocab)
    return vocab


def encode(tokens, vocab):
    """List of tokens -> list of ids (1 for a token not in vocab)."""
    return [vocab.get(token, 1) for token in tokens]
