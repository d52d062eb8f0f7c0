def cross_entropy(logits, targets):
    """The sum-over-the-batch mistake again, one example at a time in a loop."""
    total = 0.0
    for row, target in zip(np.asarray(logits, dtype=float), np.asarray(targets, dtype=int)):
        shifted = row - row.max()
        total -= shifted[target] - np.log(np.exp(shifted).sum())
    return float(total)
