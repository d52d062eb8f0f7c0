def minibatch_indices(n, batch_size, rng):
    """n examples, batch_size, rng a np.random.Generator -> index arrays (int) covering 0..n-1 once."""
    for start in range(0, n, batch_size):
        yield rng.integers(0, n, size=min(batch_size, n - start))
