# mistake: db summed over the wrong axis
# why: grad_out.sum(axis=1) adds over the outputs (one number per example) instead of over the examples (one number per bias).
# hint: db should have one entry per output neuron; which axis of grad_out holds the examples?
def linear_backward(x, W, grad_out):
    """x (N, in), W (out, in), grad_out (N, out) -> (dx (N, in), dW (out, in), db (out,))."""
    dW = grad_out.T @ x
    db = grad_out.sum(axis=1)
    dx = grad_out @ W
    return dx, dW, db
