# mistake: Sign flipped
# why: It returns target minus prediction; the gradient is prediction minus target, so gradient descent with this would raise the loss.
# hint: Raising the true class's score should lower the loss, so its gradient entry must be negative. Is yours?
def cross_entropy_grad(logits, targets):
    """logits (N, C), targets (N,) class indices -> dL/dlogits (N, C) of the mean cross-entropy."""
    logits = np.asarray(logits, dtype=float)
    targets = np.asarray(targets)
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    return (np.eye(logits.shape[1])[targets] - p) / len(targets)  # target minus prediction
