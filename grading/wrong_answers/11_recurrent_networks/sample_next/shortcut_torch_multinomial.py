# mistake: Calls the library's torch softmax and multinomial
# why: The exercise asks for your own softmax and draw written with NumPy; torch.softmax and torch.multinomial do both for you, so the check refuses them.
# hint: Use NumPy for the probabilities and the generator rng you are given for the draw.
def sample_next(logits, temperature, rng):
    """logits (V,), temperature >= 0, rng a numpy Generator -> int index drawn from softmax(logits / temperature)."""
    logits = np.asarray(logits, dtype=float)
    if temperature == 0:
        return int(np.argmax(logits))
    p = torch.softmax(torch.as_tensor(logits) / temperature, dim=0)
    return int(torch.multinomial(p, 1, generator=torch.Generator().manual_seed(int(rng.integers(2**31)))))
