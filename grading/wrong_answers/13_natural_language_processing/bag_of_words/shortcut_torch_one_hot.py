def bag_of_words(ids, vocab_size):
    """ids (N, T) int, 0 = padding -> counts (N, vocab_size) float, column 0 all zero."""
    import torch
    one_hot = torch.nn.functional.one_hot(torch.as_tensor(np.asarray(ids)), vocab_size)  # (N, T, V)
    bags = one_hot.sum(dim=1).double().numpy()
    bags[:, 0] = 0.0
    return bags
