# mistake: Calls the library's labkit Vocab
# why: The exercise asks for your own vocabulary written with dicts; labkit.data.vocab.Vocab builds it for you, so the check refuses it.
# hint: Count with collections.Counter, keep the tokens that pass min_count, sort them and number them after the two reserved ids.
from collections import Counter


def build_vocab(token_lists, min_count=1):
    """List of token lists -> {token: id}: <pad> 0, <unk> 1, then tokens seen >= min_count times, most frequent first."""
    from labkit.data.vocab import Vocab
    library = Vocab.build([" ".join(tokens) for tokens in token_lists], level="word", min_count=min_count)
    vocab = {"<pad>": 0, "<unk>": 1}
    for token in library.itos[4:]:
        vocab[token] = len(vocab)
    return vocab


def encode(tokens, vocab):
    """List of tokens -> list of ids (1 for a token not in vocab)."""
    return [vocab.get(token, 1) for token in tokens]
