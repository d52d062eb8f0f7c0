# mistake: Calls the library's labkit DPSGD
# why: The exercise asks for your own calibrated noise; labkit.ethics.privacy's DPSGD optimizer adds it for you, so the check refuses it.
# hint: Scale one standard normal draw of length P by sigma times C, add it to the sum of the rows, and divide by the expected batch size.
def noisy_mean(clipped, noise_multiplier, max_norm, expected_batch_size, generator):
    """clipped (B, P) -> (P,): (sum of rows + N(0, (noise_multiplier * max_norm)^2)) / expected_batch_size."""
    from labkit.ethics.privacy import DPSGD
    layer = torch.nn.Linear(clipped.shape[1], 1, bias=False)
    torch.nn.init.zeros_(layer.weight)
    optimizer = DPSGD(layer, lr=1.0, noise_multiplier=noise_multiplier, max_grad_norm=max_norm,
                      expected_batch_size=expected_batch_size, seed=int(torch.randint(0, 2**31, (1,), generator=generator)))
    layer.weight.grad_sample = clipped.reshape(clipped.shape[0], 1, -1)
    optimizer.step()
    return layer.weight.grad.reshape(-1).detach()
