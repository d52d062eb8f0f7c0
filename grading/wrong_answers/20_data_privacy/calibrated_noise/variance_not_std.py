# mistake: Variance used as standard deviation
# why: The standard normal is multiplied by (sigma C) squared, the variance, instead of by sigma C, the standard deviation.
# hint: To get a normal with variance v from a standard one, what do you multiply it by?
def noisy_mean(clipped, noise_multiplier, max_norm, expected_batch_size, generator):
    """clipped (B, P) -> (P,): (sum of rows + N(0, (noise_multiplier * max_norm)^2)) / expected_batch_size."""
    noise = (noise_multiplier * max_norm) ** 2 * torch.randn(clipped.shape[1], generator=generator)
    return (clipped.sum(dim=0) + noise) / expected_batch_size
