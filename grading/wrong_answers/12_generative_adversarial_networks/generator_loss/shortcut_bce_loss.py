# mistake: Calls the library's BCEWithLogitsLoss
# why: The exercise asks for your own non-saturating loss with softplus or logsigmoid; torch's BCE loss with target 1 computes it for you, so the check refuses it.
# hint: Use softplus or logsigmoid on the logits and take the mean yourself.
def generator_loss(fake_logits):
    """fake_logits (M,) or (M, 1) -> scalar tensor: the non-saturating loss -mean log sigma(fake_logits)."""
    return torch.nn.BCEWithLogitsLoss()(fake_logits, torch.ones_like(fake_logits))
