# mistake: Calls the library's binary_cross_entropy_with_logits
# why: The exercise asks for your own binary cross-entropy from logits; torch's BCE-with-logits loss does it for you, so the check refuses it.
# hint: Use softplus (or logsigmoid) on the logits and take the means yourself; the lesson gives both identities.
def discriminator_loss(real_logits, fake_logits):
    """real_logits (N,) or (N, 1), fake_logits (M,) or (M, 1) -> scalar tensor L_D."""
    softplus = torch.nn.functional.softplus
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    return bce(real_logits, torch.ones_like(real_logits)) + bce(fake_logits, torch.zeros_like(fake_logits))
