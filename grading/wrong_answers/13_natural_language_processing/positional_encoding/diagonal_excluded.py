# mistake: Diagonal excluded from the mask
# why: With k=-1 a position may not attend to itself, and position 0 is left with no allowed key at all (its softmax is 0/0).
# hint: Look at row 0 of your mask: which key may the first word look at?
def causal_mask(n):
    """n -> (n, n) bool, True where query t may attend to key s (s <= t)."""
    return np.tril(np.ones((n, n), dtype=bool), k=-1)


def positional_encoding(n_positions, d_model):
    """-> (n_positions, d_model): sin(pos / 10000^(2i/d)) in column 2i, cos(...) in column 2i + 1."""
    pos = np.arange(n_positions)[:, None]
    two_i = 2 * (np.arange(d_model) // 2)
    angle = pos / 10000 ** (two_i / d_model)
    return np.where(np.arange(d_model) % 2 == 0, np.sin(angle), np.cos(angle))

