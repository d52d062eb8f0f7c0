# mistake: Calls the library's labkit discriminator_loss
# why: The exercise asks for your own loss; feeding the fakes to labkit.train.gan's discriminator loss reuses the course's implementation, so the check refuses it.
# hint: Use softplus or logsigmoid from torch on the fake logits and take the mean yourself.
def generator_loss(fake_logits):
    """fake_logits (M,) or (M, 1) -> scalar tensor: the non-saturating loss -mean log sigma(fake_logits)."""
    # labkit's discriminator loss with the fakes in the "real" slot and a fake batch that costs nothing.
    from labkit.train import gan

    return gan.discriminator_loss(fake_logits, torch.tensor([-1e4]))
