def sample_next(logits, temperature, rng):
    """logits (V,), temperature >= 0, rng a numpy Generator -> int index drawn from softmax(logits / temperature)."""
    logits = np.asarray(logits, dtype=float)
    if temperature == 0:
        return int(np.argmax(logits))
    p = torch.softmax(torch.as_tensor(logits) / temperature, dim=0)
    return int(torch.multinomial(p, 1, generator=torch.Generator().manual_seed(int(rng.integers(2**31)))))
