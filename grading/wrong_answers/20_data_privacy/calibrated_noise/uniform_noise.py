# mistake: Uniform noise instead of Gaussian
# why: The noise has the right standard deviation but a uniform distribution, which is bounded and gives no differential privacy; the Gaussian mechanism needs Gaussian noise.
# hint: The exercise names the distribution to draw from: check which random function you scale.
def noisy_mean(clipped, noise_multiplier, max_norm, expected_batch_size, generator):
    """Uniform noise with the right standard deviation (sigma * C): uniform on [-a, a] has std a / sqrt(3)."""
    half_width = 3 ** 0.5 * noise_multiplier * max_norm
    noise = half_width * (2 * torch.rand(clipped.shape[1], generator=generator) - 1)
    return (clipped.sum(dim=0) + noise) / expected_batch_size
