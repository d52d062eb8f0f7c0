def cross_entropy(logits, targets):
    """logits (N, C), targets (N,) integer class indices -> the mean cross-entropy, a float."""
    logits = np.asarray(logits, dtype=float)
    targets = np.asarray(targets, dtype=int)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-np.mean(log_p[:, targets]))
