# mistake: Returns only the final state
# why: The loop computes the right states but keeps only the last one, an (N, H) array, while the exercise asks for every state stacked into (N, T, H).
# hint: Compare the shape you return with the one asked for: the states of all T steps are needed, collected as the loop goes.
def rnn_forward(x, h0, weight_ih, weight_hh, bias_ih, bias_hh):
    """x (N, T, I), h0 (N, H), weight_ih (H, I), weight_hh (H, H), biases (H,) -> states (N, T, H)."""
    x = np.asarray(x, dtype=float)
    h = np.asarray(h0, dtype=float)
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ weight_ih.T + bias_ih + h @ weight_hh.T + bias_hh)
    return h
