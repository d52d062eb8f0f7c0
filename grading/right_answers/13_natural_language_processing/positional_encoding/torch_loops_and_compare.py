def causal_mask(n):
    """A comparison of index ranges: key s is allowed for query t when s <= t."""
    t = torch.arange(n)
    return (t[None, :] <= t[:, None]).numpy()


def positional_encoding(n_positions, d_model):
    """Torch tensors, column pair by column pair."""
    pe = torch.zeros(n_positions, d_model, dtype=torch.float64)
    pos = torch.arange(n_positions, dtype=torch.float64)
    for j in range(0, d_model, 2):
        angle = pos / 10000 ** (j / d_model)
        pe[:, j] = torch.sin(angle)
        if j + 1 < d_model:
            pe[:, j + 1] = torch.cos(angle)
    return pe
