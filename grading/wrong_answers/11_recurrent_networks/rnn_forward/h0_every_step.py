# mistake: Initial state reused at every step
# why: Each step combines the current input with h0 instead of the previous step's state, so the network only ever remembers the start, never what it has read so far.
# hint: Your first state is right and the later ones drift: look at which hidden state enters the update inside the loop, and whether it is the one you just computed.
def rnn_forward(x, h0, weight_ih, weight_hh, bias_ih, bias_hh):
    """x (N, T, I), h0 (N, H), weight_ih (H, I), weight_hh (H, H), biases (H,) -> states (N, T, H)."""
    x = np.asarray(x, dtype=float)
    states = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ weight_ih.T + bias_ih + h0 @ weight_hh.T + bias_hh)
        states.append(h)
    return np.stack(states, axis=1)
