def sample_next(logits, temperature, rng):
    """logits (V,), temperature >= 0, rng a numpy Generator -> int index drawn from softmax(logits / temperature)."""
    logits = np.asarray(logits, dtype=float)
    if temperature == 0:
        return int(np.argmax(logits))
    scaled = logits * temperature
    p = np.exp(scaled - np.max(scaled))
    p /= p.sum()
    return int(rng.choice(len(p), p=p))
