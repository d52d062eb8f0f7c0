# mistake: Calls the library's labkit GAN losses
# why: The exercise asks for your own cross-entropy from logits; combining labkit.train.gan's generator losses reuses the course's implementation, so the check refuses it.
# hint: Use softplus (or logsigmoid) from torch on the two logit batches and combine their means yourself.
def discriminator_loss(real_logits, fake_logits):
    """real_logits (N,) or (N, 1), fake_logits (M,) or (M, 1) -> scalar tensor L_D."""
    # labkit's *other* GAN loss: the non-saturating term on the reals minus the minimax term on the fakes.
    from labkit.train.gan import generator_loss as labkit_generator_loss

    return labkit_generator_loss(real_logits) - labkit_generator_loss(fake_logits, kind="minimax")
