# mistake: Softmax overflows on large logits
# why: np.exp is applied to logits / T directly; with logits near 1000 it overflows to inf, the probabilities become NaN and the draw raises an error.
# hint: What is np.exp(2000)? Lesson 02 showed a shift of the logits that leaves the softmax unchanged but keeps exp finite.
def sample_next(logits, temperature, rng):
    """logits (V,), temperature >= 0, rng a numpy Generator -> int index drawn from softmax(logits / temperature)."""
    logits = np.asarray(logits, dtype=float)
    if temperature == 0:
        return int(np.argmax(logits))
    p = np.exp(logits / temperature)
    p /= p.sum()
    return int(rng.choice(len(p), p=p))
