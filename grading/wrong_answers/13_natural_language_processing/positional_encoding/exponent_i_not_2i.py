# mistake: Exponent uses i instead of 2i
# why: The pair index i = j // 2 is used in the exponent i/d instead of 2i/d, so the frequencies fall half as fast across the columns.
# hint: Columns 2i and 2i + 1 share one frequency; check the exponent of 10000 for column 2 against the formula.
def causal_mask(n):
    """n -> (n, n) bool, True where query t may attend to key s (s <= t)."""
    return np.tril(np.ones((n, n), dtype=bool))


def positional_encoding(n_positions, d_model):
    """-> (n_positions, d_model): sin(pos / 10000^(2i/d)) in column 2i, cos(...) in column 2i + 1."""
    pos = np.arange(n_positions)[:, None]
    i = np.arange(d_model) // 2
    angle = pos / 10000 ** (i / d_model)
    return np.where(np.arange(d_model) % 2 == 0, np.sin(angle), np.cos(angle))
