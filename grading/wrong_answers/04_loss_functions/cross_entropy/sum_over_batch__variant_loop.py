# mistake: Sum over the batch
# why: The loop adds up each example's loss but never divides by the number of examples, so the result is the batch's total, not its mean.
# hint: Repeat the batch twice: the mean loss should not change. Does yours?
def cross_entropy(logits, targets):
    """The sum-over-the-batch mistake again, one example at a time in a loop."""
    total = 0.0
    for row, target in zip(np.asarray(logits, dtype=float), np.asarray(targets, dtype=int)):
        shifted = row - row.max()
        total -= shifted[target] - np.log(np.exp(shifted).sum())
    return float(total)
