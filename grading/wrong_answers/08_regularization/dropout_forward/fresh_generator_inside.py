# mistake: Fresh generator every call
# why: It ignores the rng argument and makes a new generator seeded with 0 on each call, so every call drops exactly the same entries.
# hint: Call it twice with one generator: the two masks should differ. Which generator do you draw from?
def dropout_forward(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    if not training:
        return x
    keep = np.random.default_rng(0).random(x.shape) >= p  # ignores the rng argument: same mask every call
    return x * keep / (1 - p)
