# mistake: dx uses W transposed
# why: grad_out @ W.T only fits when in == out, and then pairs the wrong weights: dx[n, i] sums grad_out[n, j] times W[j, i] over j.
# hint: Write the shapes: grad_out is (N, out), W is (out, in), and dx must be (N, in). Which product fits?
def linear_backward(x, W, grad_out):
    """x (N, in), W (out, in), grad_out (N, out) -> (dx (N, in), dW (out, in), db (out,))."""
    dW = grad_out.T @ x
    db = grad_out.sum(axis=0)
    dx = grad_out @ W.T
    return dx, dW, db
