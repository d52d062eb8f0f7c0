# mistake: Real and fake labels swapped
# why: softplus(real) and softplus(-fake) treat the real samples as label 0 and the fakes as label 1, so the discriminator would learn to call real points fake.
# hint: Which term should be small when D is confident a real point is real (a large positive logit)? Check the sign inside each softplus.
def discriminator_loss(real_logits, fake_logits):
    """real_logits (N,) or (N, 1), fake_logits (M,) or (M, 1) -> scalar tensor L_D."""
    softplus = torch.nn.functional.softplus
    return softplus(real_logits).mean() + softplus(-fake_logits).mean()
