# mistake: The mask allows the future
# why: np.triu keeps the upper triangle, so each query may look at later keys and not at earlier ones: the opposite of causal.
# hint: Write out causal_mask(3) by hand: row t is the query; which columns (keys) may it see?
def causal_mask(n):
    """n -> (n, n) bool, True where query t may attend to key s (s <= t)."""
    return np.triu(np.ones((n, n), dtype=bool))


def positional_encoding(n_positions, d_model):
    """-> (n_positions, d_model): sin(pos / 10000^(2i/d)) in column 2i, cos(...) in column 2i + 1."""
    pos = np.arange(n_positions)[:, None]
    two_i = 2 * (np.arange(d_model) // 2)
    angle = pos / 10000 ** (two_i / d_model)
    return np.where(np.arange(d_model) % 2 == 0, np.sin(angle), np.cos(angle))

