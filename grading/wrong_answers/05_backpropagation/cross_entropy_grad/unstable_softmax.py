# mistake: No max subtraction: overflow
# why: It takes np.exp of the raw logits, which overflows to inf for scores like 1000, so the gradient becomes nan.
# hint: Try logits [[1000, 0, -1000]]: the result should be finite. Which shift of a row leaves the softmax unchanged?
def cross_entropy_grad(logits, targets):
    """logits (N, C), targets (N,) class indices -> dL/dlogits (N, C) of the mean cross-entropy."""
    logits = np.asarray(logits, dtype=float)
    targets = np.asarray(targets)
    e = np.exp(logits)  # no max subtracted: overflows for large scores
    grad = e / e.sum(axis=1, keepdims=True)
    grad[np.arange(len(targets)), targets] -= 1.0
    return grad / len(targets)
