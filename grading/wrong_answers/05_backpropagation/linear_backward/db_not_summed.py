# mistake: db keeps the batch axis
# why: db is grad_out itself, shape (N, out), but the bias has shape (out,): its gradient adds up the contributions of every example.
# hint: A gradient has the shape of its parameter; what shape is b, and which axis must disappear?
def linear_backward(x, W, grad_out):
    """x (N, in), W (out, in), grad_out (N, out) -> (dx (N, in), dW (out, in), db (out,))."""
    dW = grad_out.T @ x
    db = grad_out
    dx = grad_out @ W
    return dx, dW, db
