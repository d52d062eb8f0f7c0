# mistake: Calls the library's CountVectorizer
# why: The exercise asks for your own counts with dicts; scikit-learn's CountVectorizer counts the tokens for you, so the check refuses it.
# hint: collections.Counter counts tokens over all the lists; the rest is sorting and numbering.
from collections import Counter


def build_vocab(token_lists, min_count=1):
    """List of token lists -> {token: id}: <pad> 0, <unk> 1, then tokens seen >= min_count times, most frequent first."""
    from sklearn.feature_extraction.text import CountVectorizer

    vectorizer = CountVectorizer(analyzer=lambda tokens: tokens)
    totals = np.asarray(vectorizer.fit_transform(token_lists).sum(axis=0)).ravel() if token_lists else []
    counts = dict(zip(vectorizer.get_feature_names_out(), totals)) if token_lists else {}
    kept = sorted((t for t, c in counts.items() if c >= min_count), key=lambda t: (-counts[t], t))
    vocab = {"<pad>": 0, "<unk>": 1}
    for token in kept:
        vocab[str(token)] = len(vocab)
    return vocab


def encode(tokens, vocab):
    """List of tokens -> list of ids (1 for a token not in vocab)."""
    return [vocab.get(token, 1) for token in tokens]
