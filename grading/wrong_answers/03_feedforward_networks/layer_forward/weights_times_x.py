# mistake: W @ x instead of x @ W.T
# why: It computes W @ x, which treats x as a column; for a batch with examples in rows the shapes do not fit (or mix examples with inputs).
# hint: Rows of x are examples. Write the shapes of both products for x (3, 2) and W (2, 2): which gives one row per example?
def layer_forward(x, W, b):
    """x (N, in) or (in,), W (out, in), b (out,) -> (N, out) or (out,)."""
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    return W @ x + b
