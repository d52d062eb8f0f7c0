# mistake: Mask marks the forbidden keys
# why: True is used for the future keys to hide (PyTorch's nn.Transformer convention) instead of the allowed ones, as section 6 defines the mask.
# hint: In this lesson True means "may look"; does your row 0 allow the first word to look at itself?
def causal_mask(n):
    """n -> (n, n) bool, True where query t may attend to key s (s <= t)."""
    return np.triu(np.ones((n, n), dtype=bool), k=1)


def positional_encoding(n_positions, d_model):
    """-> (n_positions, d_model): sin(pos / 10000^(2i/d)) in column 2i, cos(...) in column 2i + 1."""
    pos = np.arange(n_positions)[:, None]
    two_i = 2 * (np.arange(d_model) // 2)
    angle = pos / 10000 ** (two_i / d_model)
    return np.where(np.arange(d_model) % 2 == 0, np.sin(angle), np.cos(angle))

