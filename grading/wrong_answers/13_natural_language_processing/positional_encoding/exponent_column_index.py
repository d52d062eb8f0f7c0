# mistake: Exponent uses the column index j
# why: Each column gets its own frequency 10000^(j/d), so a sine and its cosine partner no longer turn at the same speed.
# hint: Which two columns should share one frequency? Compare the exponent you use in columns 2 and 3.
def causal_mask(n):
    """n -> (n, n) bool, True where query t may attend to key s (s <= t)."""
    return np.tril(np.ones((n, n), dtype=bool))


def positional_encoding(n_positions, d_model):
    """-> (n_positions, d_model): sin(pos / 10000^(2i/d)) in column 2i, cos(...) in column 2i + 1."""
    pos = np.arange(n_positions)[:, None]
    j = np.arange(d_model)
    angle = pos / 10000 ** (j / d_model)
    return np.where(j % 2 == 0, np.sin(angle), np.cos(angle))
