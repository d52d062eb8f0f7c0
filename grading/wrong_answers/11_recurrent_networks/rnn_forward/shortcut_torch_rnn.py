# mistake: Calls the library's torch.nn.RNN
# why: The exercise asks for your own loop over the time steps written with NumPy; torch.nn.RNN is the reference the check compares against, so using it is refused.
# hint: Use NumPy only: a loop over t, matrix products with the transposed weights, the biases and np.tanh.
def rnn_forward(x, h0, weight_ih, weight_hh, bias_ih, bias_hh):
    """x (N, T, I), h0 (N, H), weight_ih (H, I), weight_hh (H, H), biases (H,) -> states (N, T, H)."""
    layer = torch.nn.RNN(weight_ih.shape[1], weight_ih.shape[0], batch_first=True).double()
    with torch.no_grad():
        layer.weight_ih_l0.copy_(torch.as_tensor(weight_ih))
        layer.weight_hh_l0.copy_(torch.as_tensor(weight_hh))
        layer.bias_ih_l0.copy_(torch.as_tensor(bias_ih))
        layer.bias_hh_l0.copy_(torch.as_tensor(bias_hh))
        out, _ = layer(torch.as_tensor(np.asarray(x, dtype=float)), torch.as_tensor(np.asarray(h0, dtype=float))[None])
    return out.numpy()
