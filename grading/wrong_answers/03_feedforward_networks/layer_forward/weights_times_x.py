def layer_forward(x, W, b):
    """x (N, in) or (in,), W (out, in), b (out,) -> (N, out) or (out,)."""
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    return W @ x + b
