# mistake: Calls the library's scipy softmax
# why: The exercise asks for your own temperature softmax written with NumPy; scipy.special.softmax computes it for you, so the check refuses it.
# hint: Use NumPy only: scale the logits, shift them, np.exp and normalise, then draw with rng.
def sample_next(logits, temperature, rng):
    """logits (V,), temperature >= 0, rng a numpy Generator -> int index drawn from softmax(logits / temperature)."""
    from scipy.special import softmax

    logits = np.asarray(logits, dtype=float)
    if temperature == 0:
        return int(np.argmax(logits))
    return int(rng.choice(len(logits), p=softmax(logits / temperature)))
