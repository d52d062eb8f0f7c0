# mistake: No activation at all
# why: It runs the layers without any activation between them, so the network collapses to a single linear layer.
# hint: The activation argument is never used; where between the layers should it go?
def network_forward(x, layers, activation):
    """x (N, in) or (in,); layers [(W1, b1), ..., (WL, bL)]; activation a function -> (N, out) or (out,)."""
    h = np.asarray(x, dtype=float)
    for W, b in layers:
        h = layer_forward(h, W, b)
    return h
