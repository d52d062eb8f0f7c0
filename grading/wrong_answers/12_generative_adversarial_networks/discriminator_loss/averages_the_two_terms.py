# mistake: Halves the loss by averaging the terms
# why: The real and fake means are averaged (times 0.5) instead of added, so the loss and its gradients are half of L_D.
# hint: Your loss is exactly half the expected value: compare how the two batch means are combined with the formula for L_D.
def discriminator_loss(real_logits, fake_logits):
    """real_logits (N,) or (N, 1), fake_logits (M,) or (M, 1) -> scalar tensor L_D."""
    softplus = torch.nn.functional.softplus
    return 0.5 * (softplus(-real_logits).mean() + softplus(fake_logits).mean())
