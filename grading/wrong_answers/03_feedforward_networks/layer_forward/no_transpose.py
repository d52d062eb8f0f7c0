# mistake: No transpose of W
# why: It multiplies by W instead of its transpose; W is stored (out, in), so this only runs when in == out, and then mixes the weights of different neurons.
# hint: Write the shapes: x is (N, in), W is (out, in); which product gives (N, out)? Try a layer with 2 inputs and 3 outputs.
def layer_forward(x, W, b):
    """x (N, in) or (in,), W (out, in), b (out,) -> (N, out) or (out,)."""
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    return x @ W + b
