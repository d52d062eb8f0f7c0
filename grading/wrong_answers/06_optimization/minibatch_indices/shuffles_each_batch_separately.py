def minibatch_indices(n, batch_size, rng):
    """n examples, batch_size, rng a np.random.Generator -> index arrays (int) covering 0..n-1 once."""
    batches = []
    for start in range(0, n, batch_size):
        batch = np.arange(start, min(start + batch_size, n))
        batches.append(rng.permutation(batch))
    return batches
