# mistake: Not shuffled
# why: It cuts 0, 1, ..., n-1 in their original order, so every epoch sees the same batches in the same order.
# hint: Print the first batch for n = 100: is it just the first few indices? Where is rng used?
def minibatch_indices(n, batch_size, rng):
    """n examples, batch_size, rng a np.random.Generator -> index arrays (int) covering 0..n-1 once."""
    order = np.arange(n)
    for start in range(0, n, batch_size):
        yield order[start:start + batch_size]
