# mistake: Subtracts the bias
# why: It computes x @ W.T - b, so each output is off by twice its neuron's bias.
# hint: Check the sign in front of b in the layer's formula.
def layer_forward(x, W, b):
    """x (N, in) or (in,), W (out, in), b (out,) -> (N, out) or (out,)."""
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    return x @ W.T - b
