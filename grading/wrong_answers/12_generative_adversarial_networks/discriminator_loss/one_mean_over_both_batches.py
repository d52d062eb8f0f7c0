# mistake: One mean over both batches
# why: The per-sample losses of the real and fake batches are joined and averaged together, which weights each batch by its size; L_D averages each batch separately and adds the two means.
# hint: With 3 real and 2 fake logits the batches should count equally: check where you take the mean.
def discriminator_loss(real_logits, fake_logits):
    """real_logits (N,) or (N, 1), fake_logits (M,) or (M, 1) -> scalar tensor L_D."""
    softplus = torch.nn.functional.softplus
    per_sample = torch.cat([softplus(-real_logits.reshape(-1)), softplus(fake_logits.reshape(-1))])
    return per_sample.mean()
