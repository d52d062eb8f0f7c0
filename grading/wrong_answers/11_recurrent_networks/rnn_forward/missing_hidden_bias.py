# mistake: Recurrent bias forgotten
# why: The update adds bias_ih but never bias_hh, while torch.nn.RNN adds both biases, so every state is off by the missing bias before the tanh.
# hint: Count the terms inside the tanh against the lesson's equation: there are two weight products and two biases.
def rnn_forward(x, h0, weight_ih, weight_hh, bias_ih, bias_hh):
    """x (N, T, I), h0 (N, H), weight_ih (H, I), weight_hh (H, H), biases (H,) -> states (N, T, H)."""
    x = np.asarray(x, dtype=float)
    h = np.asarray(h0, dtype=float)
    states = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ weight_ih.T + bias_ih + h @ weight_hh.T)
        states.append(h)
    return np.stack(states, axis=1)
