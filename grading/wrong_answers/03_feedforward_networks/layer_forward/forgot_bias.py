# mistake: Forgot the bias
# why: It returns x @ W.T without adding b, so every output is short by its neuron's bias.
# hint: Compare your output with the expected one column by column: each column is off by the same number. Which argument is that?
def layer_forward(x, W, b):
    """x (N, in) or (in,), W (out, in), b (out,) -> (N, out) or (out,)."""
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    return x @ W.T
