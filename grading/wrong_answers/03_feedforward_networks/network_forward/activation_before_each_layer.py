def network_forward(x, layers, activation):
    """x (N, in) or (in,); layers [(W1, b1), ..., (WL, bL)]; activation a function -> (N, out) or (out,)."""
    h = np.asarray(x, dtype=float)
    for k, (W, b) in enumerate(layers):
        if k < len(layers) - 1:
            h = activation(h)
        h = layer_forward(h, W, b)
    return h
