# mistake: Minimax (saturating) loss instead
# why: This is mean log(1 - D(G(z))), the original minimax objective, whose gradient vanishes exactly where fakes are rejected; the exercise asks for the non-saturating -log D(G(z)).
# hint: Reread the section before the exercise: of the two generator losses compared there, which one keeps a useful gradient when D rejects the fakes?
def generator_loss(fake_logits):
    """fake_logits (M,) or (M, 1) -> scalar tensor: the non-saturating loss -mean log sigma(fake_logits)."""
    return -torch.nn.functional.softplus(fake_logits).mean()
