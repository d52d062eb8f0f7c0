# mistake: Unknown words skipped
# why: Ids of 1 and below are skipped, so the unknown-word id 1 is never counted; only padding (id 0) should be left out.
# hint: Look at column 1: unknown words are counted like any other id, only 0 is excluded.
def bag_of_words(ids, vocab_size):
    """ids (N, T) int, 0 = padding -> counts (N, vocab_size) float, column 0 all zero."""
    ids = np.asarray(ids)
    bags = np.zeros((len(ids), vocab_size))
    for n, row in enumerate(ids):
        for j in row:
            if j > 1:  # skips padding, and unknown words too
                bags[n, j] += 1
    return bags
