def noisy_mean(clipped, noise_multiplier, max_norm, expected_batch_size, generator):
    """clipped (B, P) -> (P,): (sum of rows + N(0, (noise_multiplier * max_norm)^2)) / expected_batch_size."""
    B, P = clipped.shape
    noise = torch.normal(0.0, noise_multiplier * max_norm, size=(P,), generator=generator)
    return (clipped.sum(dim=0) + noise) / expected_batch_size
