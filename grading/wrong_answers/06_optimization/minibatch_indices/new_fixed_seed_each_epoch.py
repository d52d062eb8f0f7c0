# mistake: New fixed seed each epoch
# why: It makes a new generator seeded with 0 at every call, so every epoch has exactly the same order instead of a fresh shuffle.
# hint: Call it twice with the same rng: the two epochs should differ. Which generator does your shuffle use?
def minibatch_indices(n, batch_size, rng):
    """n examples, batch_size, rng a np.random.Generator -> index arrays (int) covering 0..n-1 once."""
    order = np.random.default_rng(0).permutation(n)
    return [order[start:start + batch_size] for start in range(0, n, batch_size)]
