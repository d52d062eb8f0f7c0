# mistake: dW transposed
# why: x.T @ grad_out has shape (in, out), but a gradient has the shape of its parameter, and W is (out, in).
# hint: Print the shape of your dW and of W: they should match. The shape rule tells you which product to take.
def linear_backward(x, W, grad_out):
    """x (N, in), W (out, in), grad_out (N, out) -> (dx (N, in), dW (out, in), db (out,))."""
    dW = x.T @ grad_out
    db = grad_out.sum(axis=0)
    dx = grad_out @ W
    return dx, dW, db
