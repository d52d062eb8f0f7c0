# mistake: Mean over classes too
# why: It averages one_hot * log_p over all N times C entries, so the loss is divided by the number of classes as well as the batch size.
# hint: Only one entry per row is non-zero in one_hot * log_p; averaging over all entries divides by what? The mean should run over the batch only.
def cross_entropy(logits, targets):
    """logits (N, C), targets (N,) integer class indices -> the mean cross-entropy, a float."""
    logits = np.asarray(logits, dtype=float)
    targets = np.asarray(targets, dtype=int)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    one_hot = np.eye(logits.shape[1])[targets]
    return float(-np.mean(one_hot * log_p))
