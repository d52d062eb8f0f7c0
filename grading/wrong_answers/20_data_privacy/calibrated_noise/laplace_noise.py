# mistake: Laplace noise instead of Gaussian
# why: The noise has the right standard deviation but a Laplace distribution; DP-SGD's privacy accounting holds for Gaussian noise only.
# hint: The exercise names the distribution to draw from: check which random function you scale.
def noisy_mean(clipped, noise_multiplier, max_norm, expected_batch_size, generator):
    """Laplace noise (the Laplace mechanism) with the right standard deviation: Laplace(b) has std b * sqrt(2)."""
    scale = noise_multiplier * max_norm / 2 ** 0.5
    u = torch.rand(clipped.shape[1], generator=generator) - 0.5  # inverse CDF of the Laplace distribution
    noise = -scale * torch.sign(u) * torch.log(1 - 2 * torch.abs(u))
    return (clipped.sum(dim=0) + noise) / expected_batch_size
