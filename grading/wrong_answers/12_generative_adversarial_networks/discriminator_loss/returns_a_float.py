# mistake: Returns a float, not a tensor
# why: The value is right, but .item() turns the loss into a Python float, which has no graph, so .backward() cannot be called on it.
# hint: The caller needs to backpropagate through your loss: check the type of what you return.
def discriminator_loss(real_logits, fake_logits):
    """real_logits (N,) or (N, 1), fake_logits (M,) or (M, 1) -> scalar tensor L_D."""
    softplus = torch.nn.functional.softplus
    return (softplus(-real_logits).mean() + softplus(fake_logits).mean()).item()
