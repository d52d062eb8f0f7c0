# mistake: Global random state, not rng
# why: It shuffles with np.random's global generator instead of the rng it was given, so the same rng does not reproduce the same batches.
# hint: Run it twice with np.random.default_rng(11): do you get the same batches? Use the generator you are given.
def minibatch_indices(n, batch_size, rng):
    """n examples, batch_size, rng a np.random.Generator -> index arrays (int) covering 0..n-1 once."""
    order = np.random.permutation(n)
    return [order[start:start + batch_size] for start in range(0, n, batch_size)]
