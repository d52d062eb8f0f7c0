def generator_loss(fake_logits):
    """fake_logits (M,) or (M, 1) -> scalar tensor: the non-saturating loss -mean log sigma(fake_logits)."""
    return torch.nn.BCEWithLogitsLoss()(fake_logits, torch.ones_like(fake_logits))
