# mistake: Draws with NumPy's global random state
# why: The draw uses np.random.choice, the global generator, instead of the rng argument, so two runs with identically seeded generators give different characters.
# hint: All randomness must come from the generator you are given; check which object your draw is called on.
def sample_next(logits, temperature, rng):
    """logits (V,), temperature >= 0, rng a numpy Generator -> int index drawn from softmax(logits / temperature)."""
    logits = np.asarray(logits, dtype=float)
    if temperature == 0:
        return int(np.argmax(logits))
    scaled = logits / temperature
    p = np.exp(scaled - np.max(scaled))
    p /= p.sum()
    return int(np.random.choice(len(p), p=p))
