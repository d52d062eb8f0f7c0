def noisy_mean(clipped, noise_multiplier, max_norm, generator):
    """clipped (B, P) -> (P,): (sum of rows + N(0, (noise_multiplier * max_norm)^2)) / B."""
    noise = noise_multiplier * max_norm * torch.randn(clipped.shape[1], generator=generator)
    return clipped.mean(dim=0) + noise
