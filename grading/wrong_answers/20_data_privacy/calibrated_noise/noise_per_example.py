def noisy_mean(clipped, noise_multiplier, max_norm, generator):
    """clipped (B, P) -> (P,): (sum of rows + N(0, (noise_multiplier * max_norm)^2)) / B."""
    noise = noise_multiplier * max_norm * torch.randn(clipped.shape, generator=generator)
    return (clipped + noise).sum(dim=0) / clipped.shape[0]
