# mistake: log(sigmoid) overflows on extreme logits
# why: The formula is the non-saturating loss, but log(sigmoid(-200)) is log(0) in float32, so a confidently rejected fake gives an infinite loss.
# hint: Try fake_logits = -200: what does the sigmoid round to? Use the stable function the lesson names for -log sigma(a).
def generator_loss(fake_logits):
    """fake_logits (M,) or (M, 1) -> scalar tensor: the non-saturating loss -mean log sigma(fake_logits)."""
    return -torch.log(torch.sigmoid(fake_logits)).mean()
