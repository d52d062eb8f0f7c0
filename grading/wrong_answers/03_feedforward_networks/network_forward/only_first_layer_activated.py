def network_forward(x, layers, activation):
    """x (N, in) or (in,); layers [(W1, b1), ..., (WL, bL)]; activation a function -> (N, out) or (out,)."""
    h = np.asarray(x, dtype=float)
    for k, (W, b) in enumerate(layers):
        h = layer_forward(h, W, b)
        if k == 0 and len(layers) > 1:
            h = activation(h)
    return h
