# mistake: Indexes a whole block
# why: log_p[:, targets] selects, for every row, the columns of all targets (an N by N block), so the mean mixes in other examples' classes.
# hint: Print the shape of what you pick from log_p: it should have one entry per example. How do you pick row i, column targets[i]?
def cross_entropy(logits, targets):
    """logits (N, C), targets (N,) integer class indices -> the mean cross-entropy, a float."""
    logits = np.asarray(logits, dtype=float)
    targets = np.asarray(targets, dtype=int)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-np.mean(log_p[:, targets]))
