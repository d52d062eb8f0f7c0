# mistake: Calls the library's torch one_hot
# why: The exercise asks for your own counts written with NumPy; torch's one_hot does the encoding for you, so the check refuses it.
# hint: Start from a zero array of shape (N, vocab_size) and add 1 for each non-padding id of each row, with NumPy only.
def bag_of_words(ids, vocab_size):
    """ids (N, T) int, 0 = padding -> counts (N, vocab_size) float, column 0 all zero."""
    import torch
    one_hot = torch.nn.functional.one_hot(torch.as_tensor(np.asarray(ids)), vocab_size)  # (N, T, V)
    bags = one_hot.sum(dim=1).double().numpy()
    bags[:, 0] = 0.0
    return bags
