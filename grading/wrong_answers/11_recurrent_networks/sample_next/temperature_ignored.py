# mistake: Temperature ignored when sampling
# why: The temperature is only used for the greedy case; for T > 0 the draw follows softmax(logits) unchanged, so T = 0.5 and T = 2 give the same frequencies as T = 1.
# hint: Compare the frequencies at T = 0.5 and T = 2: they should differ. Check where the temperature enters your probabilities.
def sample_next(logits, temperature, rng):
    """logits (V,), temperature >= 0, rng a numpy Generator -> int index drawn from softmax(logits / temperature)."""
    logits = np.asarray(logits, dtype=float)
    if temperature == 0:
        return int(np.argmax(logits))
    p = np.exp(logits - np.max(logits))
    p /= p.sum()
    return int(rng.choice(len(p), p=p))
