# mistake: Always greedy, never samples
# why: It returns the index of the largest logit at every temperature, so the draw never varies; only temperature 0 should be greedy, other temperatures must draw from the softmax.
# hint: The frequencies of many draws should match the softmax probabilities; check that you actually use rng to draw when the temperature is above 0.
def sample_next(logits, temperature, rng):
    """logits (V,), temperature >= 0, rng a numpy Generator -> int index drawn from softmax(logits / temperature)."""
    logits = np.asarray(logits, dtype=float)
    return int(np.argmax(logits / max(temperature, 1e-8)))
