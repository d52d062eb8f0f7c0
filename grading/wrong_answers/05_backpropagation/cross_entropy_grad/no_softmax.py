# mistake: Logits used without softmax
# why: It subtracts the one-hot target from the raw logits instead of from the softmax probabilities p.
# hint: The gradient is prediction minus target; the prediction is a probability, so each row of it should sum to 1.
def cross_entropy_grad(logits, targets):
    """logits (N, C), targets (N,) class indices -> dL/dlogits (N, C) of the mean cross-entropy."""
    logits = np.asarray(logits, dtype=float)
    targets = np.asarray(targets)
    grad = logits.copy()  # no softmax
    grad[np.arange(len(targets)), targets] -= 1.0
    return grad / len(targets)
