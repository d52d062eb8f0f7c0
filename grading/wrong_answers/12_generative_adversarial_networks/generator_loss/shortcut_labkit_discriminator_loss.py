def generator_loss(fake_logits):
    """fake_logits (M,) or (M, 1) -> scalar tensor: the non-saturating loss -mean log sigma(fake_logits)."""
    # labkit's discriminator loss with the fakes in the "real" slot and a fake batch that costs nothing.
    from labkit.train import gan

    return gan.discriminator_loss(fake_logits, torch.tensor([-1e4]))
