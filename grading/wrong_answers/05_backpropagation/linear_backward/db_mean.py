# mistake: db averaged over the batch
# why: db is the mean of grad_out over the examples, but the bias is used by every example, so their gradients add up (the batch averaging is already inside grad_out).
# hint: Each example uses b once; the chain rule adds the contributions of all uses. Compare your db with the expected one: it is N times too small.
def linear_backward(x, W, grad_out):
    """x (N, in), W (out, in), grad_out (N, out) -> (dx (N, in), dW (out, in), db (out,))."""
    dW = grad_out.T @ x
    db = grad_out.mean(axis=0)
    dx = grad_out @ W
    return dx, dW, db
