# mistake: Noise not divided by the batch size
# why: The clean mean is computed first and the noise added afterwards, so the noise is B times too large relative to the formula, which divides the noisy sum by B.
# hint: Write out the formula: is the noise inside or outside the division by B?
def noisy_mean(clipped, noise_multiplier, max_norm, generator):
    """clipped (B, P) -> (P,): (sum of rows + N(0, (noise_multiplier * max_norm)^2)) / B."""
    noise = noise_multiplier * max_norm * torch.randn(clipped.shape[1], generator=generator)
    return clipped.mean(dim=0) + noise
