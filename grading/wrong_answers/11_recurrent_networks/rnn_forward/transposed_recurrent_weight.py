# mistake: Recurrent weight not transposed
# why: The state is multiplied by weight_hh as given instead of its transpose, so each hidden unit reads a column of weight_hh instead of its own row; with a square matrix the shape still fits, which hides the bug.
# hint: A square weight never complains about shapes. Check both products the same way: PyTorch stores weights as (out, in) and a batch of rows multiplies the transpose.
def rnn_forward(x, h0, weight_ih, weight_hh, bias_ih, bias_hh):
    """x (N, T, I), h0 (N, H), weight_ih (H, I), weight_hh (H, H), biases (H,) -> states (N, T, H)."""
    x = np.asarray(x, dtype=float)
    h = np.asarray(h0, dtype=float)
    states = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ weight_ih.T + bias_ih + h @ weight_hh + bias_hh)
        states.append(h)
    return np.stack(states, axis=1)
