# mistake: Padding counted as a word
# why: Every id is counted, padding (id 0) included, so column 0 holds the number of pad positions instead of staying 0.
# hint: Look at column 0 of your result: padding is not a word.
def bag_of_words(ids, vocab_size):
    """ids (N, T) int, 0 = padding -> counts (N, vocab_size) float, column 0 all zero."""
    ids = np.asarray(ids)
    bags = np.zeros((len(ids), vocab_size))
    for n, row in enumerate(ids):
        for j in row:
            bags[n, j] += 1
    return bags
