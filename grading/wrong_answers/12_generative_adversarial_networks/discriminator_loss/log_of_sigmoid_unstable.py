# mistake: log(sigmoid) overflows on extreme logits
# why: The formula is right, but taking the log of a sigmoid rounds sigmoid(-200) to 0 in float32, so the loss becomes infinite for confident wrong logits.
# hint: Try real_logits = -200: what does the sigmoid round to? The lesson names a function that gives -log sigma(a) without forming the sigmoid.
def discriminator_loss(real_logits, fake_logits):
    """real_logits (N,) or (N, 1), fake_logits (M,) or (M, 1) -> scalar tensor L_D."""
    softplus = torch.nn.functional.softplus
    return -torch.log(torch.sigmoid(real_logits)).mean() - torch.log(1 - torch.sigmoid(fake_logits)).mean()
