# mistake: Calls the library's labkit.nn.RNN
# why: The exercise asks for your own loop over the time steps written with NumPy; handing the weights to labkit's RNN layer reuses the implementation you are meant to write.
# hint: Use NumPy only: a loop over t, matrix products with the transposed weights, the biases and np.tanh.
def rnn_forward(x, h0, weight_ih, weight_hh, bias_ih, bias_hh):
    """x (N, T, I), h0 (N, H), weight_ih (H, I), weight_hh (H, H), biases (H,) -> states (N, T, H)."""
    from labkit.nn import RNN

    layer = RNN(weight_ih.shape[1], weight_ih.shape[0])
    for name, value in (("weight_ih", weight_ih), ("weight_hh", weight_hh), ("bias_ih", bias_ih), ("bias_hh", bias_hh)):
        getattr(layer, name).data[...] = value
    states, _ = layer(np.asarray(x, dtype=float), np.asarray(h0, dtype=float)[None])
    return states
