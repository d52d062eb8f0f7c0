# mistake: Noise not scaled by max_norm
# why: The noise's standard deviation is sigma alone, not sigma times C, so it is not calibrated to the clipping norm that bounds each example's influence.
# hint: Which argument does your function never use? The noise must be as large as one example's maximal contribution times sigma.
def noisy_mean(clipped, noise_multiplier, max_norm, expected_batch_size, generator):
    """clipped (B, P) -> (P,): (sum of rows + N(0, (noise_multiplier * max_norm)^2)) / expected_batch_size."""
    noise = noise_multiplier * torch.randn(clipped.shape[1], generator=generator)
    return (clipped.sum(dim=0) + noise) / expected_batch_size
