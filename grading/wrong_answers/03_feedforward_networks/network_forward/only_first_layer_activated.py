# mistake: Only the first layer activated
# why: The activation follows only the first layer; with three or more layers the later hidden layers get no activation.
# hint: Test with three layers: every hidden layer needs the activation, not just the first. What does your condition test?
def network_forward(x, layers, activation):
    """x (N, in) or (in,); layers [(W1, b1), ..., (WL, bL)]; activation a function -> (N, out) or (out,)."""
    h = np.asarray(x, dtype=float)
    for k, (W, b) in enumerate(layers):
        h = layer_forward(h, W, b)
        if k == 0 and len(layers) > 1:
            h = activation(h)
    return h
