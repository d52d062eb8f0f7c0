# mistake: Sums first, then multiplies
# why: dW is the outer product of grad_out summed over the batch and x summed over the batch; the products must be taken per example and then summed.
# hint: Write dW[j, i] as a sum over examples n: is it a sum of products or a product of sums? They differ when N > 1.
def linear_backward(x, W, grad_out):
    """x (N, in), W (out, in), grad_out (N, out) -> (dx (N, in), dW (out, in), db (out,))."""
    db = grad_out.sum(axis=0)
    dW = np.outer(db, x.sum(axis=0))
    dx = grad_out @ W
    return dx, dW, db
