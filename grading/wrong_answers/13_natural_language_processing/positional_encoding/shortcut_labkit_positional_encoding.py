# mistake: Calls labkit's positional_encoding
# why: labkit.models.transformer.positional_encoding is the course's own implementation of this exercise, so the check refuses it.
# hint: Build the angle table pos / 10000 ** (2i / d) with np.arange and broadcasting, then take sin and cos.
def causal_mask(n):
    """n -> (n, n) bool, True where query t may attend to key s (s <= t)."""
    return np.tril(np.ones((n, n), dtype=bool))


def positional_encoding(n_positions, d_model):
    """-> (n_positions, d_model): sin(pos / 10000^(2i/d)) in column 2i, cos(...) in column 2i + 1."""
    from labkit.models.transformer import positional_encoding as reference

    return reference(n_positions, d_model, dtype=torch.float64).numpy()
