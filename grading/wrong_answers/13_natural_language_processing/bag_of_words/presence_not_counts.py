# mistake: Marks presence, not counts
# why: Fancy-index assignment sets an entry to 1 however often the id occurs, so a word used twice counts once; the exercise asks how often each id occurs.
# hint: Id 2 occurs twice in the first text: does your row say 2? Assigning with repeated indices does not add up.
def bag_of_words(ids, vocab_size):
    """ids (N, T) int, 0 = padding -> counts (N, vocab_size) float, column 0 all zero."""
    ids = np.asarray(ids)
    bags = np.zeros((len(ids), vocab_size))
    for n, row in enumerate(ids):
        bags[n, row] = 1.0  # fancy-index assignment: a repeated id is set once, not added twice
    bags[:, 0] = 0.0
    return bags
