# mistake: Fakes labelled 0, like the discriminator
# why: softplus(fake) is the discriminator's term for the fakes (label 0); the generator wants its samples called real, so its loss labels them 1.
# hint: Whose goal is this loss? The generator's loss should shrink as the discriminator's logit on a fake grows: check the sign inside the softplus.
def generator_loss(fake_logits):
    """fake_logits (M,) or (M, 1) -> scalar tensor: the non-saturating loss -mean log sigma(fake_logits)."""
    return torch.nn.functional.softplus(fake_logits).mean()
