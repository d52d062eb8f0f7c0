# mistake: Divided by the batch's actual size
# why: With Poisson sampling the batch size is random and depends on who is in the batch; dividing by it changes how much one example moves the average, which the accountant does not count. DP-SGD (and Opacus) divide the noisy sum by the expected batch size qN.
# hint: Which argument does your function never use? The denominator must not depend on the data that were sampled.
def noisy_mean(clipped, noise_multiplier, max_norm, expected_batch_size, generator):
    """clipped (B, P) -> (P,): (sum of rows + noise) / B, the batch's own size."""
    noise = noise_multiplier * max_norm * torch.randn(clipped.shape[1], generator=generator)
    return (clipped.sum(dim=0) + noise) / max(clipped.shape[0], 1)
