# mistake: No recurrence: state never fed back
# why: The update uses only the current input and the biases; weight_hh and the previous state never enter, so each step forgets everything before it and the layer has no memory.
# hint: Which term of h_t = tanh(...) carries information from the past? Check that the previous state and weight_hh appear in your update.
def rnn_forward(x, h0, weight_ih, weight_hh, bias_ih, bias_hh):
    """x (N, T, I), h0 (N, H), weight_ih (H, I), weight_hh (H, H), biases (H,) -> states (N, T, H)."""
    x = np.asarray(x, dtype=float)
    states = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ weight_ih.T + bias_ih + bias_hh)
        states.append(h)
    return np.stack(states, axis=1)
