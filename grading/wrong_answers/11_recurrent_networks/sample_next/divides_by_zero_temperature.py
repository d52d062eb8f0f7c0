# mistake: Divides by a zero temperature
# why: There is no special case for temperature 0: the logits are divided by 0, giving infinities and NaN probabilities, and the draw fails instead of returning the largest logit.
# hint: Try your function with temperature 0 by hand: what does logits / 0 give, and what should happen before any division?
def sample_next(logits, temperature, rng):
    """logits (V,), temperature >= 0, rng a numpy Generator -> int index drawn from softmax(logits / temperature)."""
    logits = np.asarray(logits, dtype=float)
    scaled = logits / temperature
    p = np.exp(scaled - np.max(scaled))
    p /= p.sum()
    return int(rng.choice(len(p), p=p))
