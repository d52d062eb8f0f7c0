# mistake: Calls the library's CountVectorizer
# why: The exercise asks for your own counts written with NumPy; scikit-learn's CountVectorizer counts them for you, so the check refuses it.
# hint: Start from a zero array of shape (N, vocab_size) and add 1 for each non-padding id of each row, with a loop or an accumulating NumPy operation.
def bag_of_words(ids, vocab_size):
    """ids (N, T) int, 0 = padding -> counts (N, vocab_size) float, column 0 all zero."""
    from sklearn.feature_extraction.text import CountVectorizer

    ids = np.asarray(ids)
    docs = [" ".join(f"w{j}" for j in row if j != 0) for row in ids]
    vectorizer = CountVectorizer(vocabulary=[f"w{j}" for j in range(vocab_size)], token_pattern=r"\S+")
    counts = vectorizer.transform(docs).toarray().astype(float)
    counts[:, 0] = 0.0
    return counts
