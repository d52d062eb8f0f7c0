# mistake: Frequencies instead of counts
# why: Each row is divided by the number of real tokens in the text, giving relative frequencies; the exercise asks for raw counts.
# hint: Your entries are fractions: is there a division that the exercise did not ask for?
def bag_of_words(ids, vocab_size):
    """ids (N, T) int, 0 = padding -> counts (N, vocab_size) float, column 0 all zero."""
    ids = np.asarray(ids)
    bags = np.zeros((len(ids), vocab_size))
    for n, row in enumerate(ids):
        real = row[row != 0]
        for j in real:
            bags[n, j] += 1
        bags[n] /= max(len(real), 1)
    return bags
