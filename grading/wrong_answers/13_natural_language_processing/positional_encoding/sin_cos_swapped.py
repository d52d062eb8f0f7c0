# mistake: sin and cos swapped
# why: The even columns hold cosines and the odd ones sines, so the first row is 1, 0, 1, 0 instead of 0, 1, 0, 1.
# hint: What should row 0 (position 0) be? sin(0) and cos(0) are different numbers.
def causal_mask(n):
    """n -> (n, n) bool, True where query t may attend to key s (s <= t)."""
    return np.tril(np.ones((n, n), dtype=bool))


def positional_encoding(n_positions, d_model):
    """-> (n_positions, d_model): sin(pos / 10000^(2i/d)) in column 2i, cos(...) in column 2i + 1."""
    pos = np.arange(n_positions)[:, None]
    two_i = 2 * (np.arange(d_model) // 2)
    angle = pos / 10000 ** (two_i / d_model)
    return np.where(np.arange(d_model) % 2 == 0, np.cos(angle), np.sin(angle))
