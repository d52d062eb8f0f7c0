# mistake: Shuffles within each batch only
# why: Each batch holds consecutive indices (0-3, 4-7, ...) shuffled among themselves, so the batches always contain the same examples.
# hint: The first batch of n = 100 should mix examples from everywhere; shuffle the whole order before cutting it.
def minibatch_indices(n, batch_size, rng):
    """n examples, batch_size, rng a np.random.Generator -> index arrays (int) covering 0..n-1 once."""
    batches = []
    for start in range(0, n, batch_size):
        batch = np.arange(start, min(start + batch_size, n))
        batches.append(rng.permutation(batch))
    return batches
