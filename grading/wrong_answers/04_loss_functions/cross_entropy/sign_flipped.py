# mistake: Sign flipped
# why: It returns the mean log-probability of the targets without the minus, so the loss is negative and decreases as predictions get worse.
# hint: Log-probabilities are at most 0; cross-entropy should be at least 0. Check the sign of your result.
def cross_entropy(logits, targets):
    """logits (N, C), targets (N,) integer class indices -> the mean cross-entropy, a float."""
    logits = np.asarray(logits, dtype=float)
    targets = np.asarray(targets, dtype=int)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(np.mean(log_p[np.arange(len(targets)), targets]))
