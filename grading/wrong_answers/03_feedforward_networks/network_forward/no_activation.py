def network_forward(x, layers, activation):
    """x (N, in) or (in,); layers [(W1, b1), ..., (WL, bL)]; activation a function -> (N, out) or (out,)."""
    h = np.asarray(x, dtype=float)
    for W, b in layers:
        h = layer_forward(h, W, b)
    return h
