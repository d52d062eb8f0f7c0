def linear_backward(x, W, grad_out):
    """x (N, in), W (out, in), grad_out (N, out) -> (dx (N, in), dW (out, in), db (out,))."""
    db = grad_out.sum(axis=0)
    dW = np.outer(db, x.sum(axis=0))
    dx = grad_out @ W
    return dx, dW, db
