# mistake: Calls torch.nn.Transformer.generate_square_subsequent_mask
# why: The exercise asks for your own mask; PyTorch's ready-made float mask (0 and -inf) is turned into booleans here, and the check refuses torch.nn.
# hint: A causal mask is the lower triangle of a square of ones: np.tril or a comparison of two index ranges builds it.
def causal_mask(n):
    """n -> (n, n) bool, True where query t may attend to key s (s <= t)."""
    import torch

    return (torch.nn.Transformer.generate_square_subsequent_mask(n) == 0).numpy()


def positional_encoding(n_positions, d_model):
    """-> (n_positions, d_model): sin(pos / 10000^(2i/d)) in column 2i, cos(...) in column 2i + 1."""
    pos = np.arange(n_positions)[:, None]
    two_i = 2 * (np.arange(d_model) // 2)
    angle = pos / 10000 ** (two_i / d_model)
    return np.where(np.arange(d_model) % 2 == 0, np.sin(angle), np.cos(angle))

