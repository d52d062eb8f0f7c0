# mistake: Summed instead of averaged
# why: The per-sample losses are added up, so the loss and its gradient grow with the batch size; L_G is the mean over the M samples.
# hint: Your value is M times too large: check how you reduce the per-sample losses to one number.
def generator_loss(fake_logits):
    """fake_logits (M,) or (M, 1) -> scalar tensor: the non-saturating loss -mean log sigma(fake_logits)."""
    return torch.nn.functional.softplus(-fake_logits).sum()
