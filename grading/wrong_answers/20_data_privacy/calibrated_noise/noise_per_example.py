# mistake: Noise added to every example
# why: A separate noise vector is added to each row before summing, so the sum carries B noise draws and its standard deviation is sqrt(B) times too large.
# hint: How many times should noise be drawn per step? Check the shape of your noise.
def noisy_mean(clipped, noise_multiplier, max_norm, expected_batch_size, generator):
    """clipped (B, P) -> (P,): (sum of rows + N(0, (noise_multiplier * max_norm)^2)) / expected_batch_size."""
    noise = noise_multiplier * max_norm * torch.randn(clipped.shape, generator=generator)
    return (clipped + noise).sum(dim=0) / expected_batch_size
