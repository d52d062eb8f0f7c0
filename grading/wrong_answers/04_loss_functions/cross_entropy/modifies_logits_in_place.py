# mistake: Changes the logits in place
# why: logits -= ... writes into the caller's array (np.asarray does not copy a float array), so the logits are shifted after the call.
# hint: Print the logits you passed after calling cross_entropy: they should be unchanged. Build a new array instead of subtracting in place.
def cross_entropy(logits, targets):
    """logits (N, C), targets (N,) integer class indices -> the mean cross-entropy, a float."""
    logits = np.asarray(logits, dtype=float)
    targets = np.asarray(targets, dtype=int)
    logits -= logits.max(axis=1, keepdims=True)
    log_p = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    return float(-np.mean(log_p[np.arange(len(targets)), targets]))
