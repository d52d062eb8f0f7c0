# mistake: One mask shared by all rows
# why: It draws one mask of the last axis's length and applies it to every example, so the same features are dropped for the whole batch.
# hint: Compare the zeros of two rows of the output: they should differ. What shape should the random draw have?
def dropout_forward(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    if not training:
        return x
    keep = rng.random(x.shape[-1]) >= p  # one mask per feature, shared by every example
    return x * keep / (1 - p)
