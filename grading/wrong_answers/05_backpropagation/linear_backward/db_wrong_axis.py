def linear_backward(x, W, grad_out):
    """x (N, in), W (out, in), grad_out (N, out) -> (dx (N, in), dW (out, in), db (out,))."""
    dW = grad_out.T @ x
    db = grad_out.sum(axis=1)
    dx = grad_out @ W
    return dx, dW, db
