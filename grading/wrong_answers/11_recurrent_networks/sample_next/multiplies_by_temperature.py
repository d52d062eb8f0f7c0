# mistake: Multiplies by the temperature
# why: The logits are multiplied by T instead of divided, so T > 1 sharpens the distribution and T < 1 flattens it, the reverse of what a temperature does.
# hint: Try T = 2: the draws should become more uniform. Look at how the temperature enters the softmax formula.
def sample_next(logits, temperature, rng):
    """logits (V,), temperature >= 0, rng a numpy Generator -> int index drawn from softmax(logits / temperature)."""
    logits = np.asarray(logits, dtype=float)
    if temperature == 0:
        return int(np.argmax(logits))
    scaled = logits * temperature
    p = np.exp(scaled - np.max(scaled))
    p /= p.sum()
    return int(rng.choice(len(p), p=p))
