def discriminator_loss(real_logits, fake_logits):
    """real_logits (N,) or (N, 1), fake_logits (M,) or (M, 1) -> scalar tensor L_D."""
    softplus = torch.nn.functional.softplus
    per_sample = torch.cat([softplus(-real_logits.reshape(-1)), softplus(fake_logits.reshape(-1))])
    return per_sample.mean()
