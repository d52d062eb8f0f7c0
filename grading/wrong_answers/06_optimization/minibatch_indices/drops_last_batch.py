# mistake: Drops the last batch
# why: The range stops before the leftover examples, so when n is not a multiple of batch_size the last, smaller batch is lost and some examples are never used.
# hint: With 10 examples in batches of 4, you should get sizes 4, 4, 2. Where does your loop stop?
def minibatch_indices(n, batch_size, rng):
    """n examples, batch_size, rng a np.random.Generator -> index arrays (int) covering 0..n-1 once."""
    order = rng.permutation(n)
    for start in range(0, n - batch_size + 1, batch_size):
        yield order[start:start + batch_size]
