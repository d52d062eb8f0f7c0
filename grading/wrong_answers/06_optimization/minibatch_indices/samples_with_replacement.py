# mistake: Samples with replacement
# why: Each batch draws random indices independently, so some examples appear twice in an epoch and others never.
# hint: Sort all indices of one epoch: each of 0..n-1 should appear exactly once. Shuffle the whole order once, then cut it.
def minibatch_indices(n, batch_size, rng):
    """n examples, batch_size, rng a np.random.Generator -> index arrays (int) covering 0..n-1 once."""
    for start in range(0, n, batch_size):
        yield rng.integers(0, n, size=min(batch_size, n - start))
