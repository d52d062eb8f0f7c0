# mistake: Noise not divided by the batch size
# why: The clean mean is computed first and the noise added afterwards, so the noise is qN times too large relative to the formula, which divides the noisy sum by the expected batch size qN.
# hint: Write out the formula: is the noise inside or outside the division by the expected batch size?
def noisy_mean(clipped, noise_multiplier, max_norm, expected_batch_size, generator):
    """clipped (B, P) -> (P,): (sum of rows + N(0, (noise_multiplier * max_norm)^2)) / expected_batch_size."""
    noise = noise_multiplier * max_norm * torch.randn(clipped.shape[1], generator=generator)
    return clipped.sum(dim=0) / expected_batch_size + noise
