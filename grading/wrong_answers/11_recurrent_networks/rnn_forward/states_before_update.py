# mistake: States stored one step late
# why: The loop appends the state before updating it, so the output starts with h0 and ends with h_{T-1}; position t should hold the state after reading step t.
# hint: Look at out[:, 0]: does it equal h0? Check the order of the update and the append inside your loop.
def rnn_forward(x, h0, weight_ih, weight_hh, bias_ih, bias_hh):
    """x (N, T, I), h0 (N, H), weight_ih (H, I), weight_hh (H, H), biases (H,) -> states (N, T, H)."""
    x = np.asarray(x, dtype=float)
    h = np.asarray(h0, dtype=float)
    states = []
    for t in range(x.shape[1]):
        states.append(h)
        h = np.tanh(x[:, t] @ weight_ih.T + bias_ih + h @ weight_hh.T + bias_hh)
    return np.stack(states, axis=1)
