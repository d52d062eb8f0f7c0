# mistake: No clamp to the valid pixel range
# why: Pixels near 0 or 1 are pushed outside [0, 1], so the result is not a valid image: the attack uses ink values no image can have.
# hint: Look at the smallest and largest value you return: clamp the result to [0, 1].
def fgsm(model, x, y, epsilon):
    """x (N, 8, 8) images in [0, 1], y (N,) true labels, epsilon >= 0 -> adversarial images (N, 8, 8) in [0, 1]."""
    x = x.detach().clone().requires_grad_(True)
    scores = model(x)
    y = torch.as_tensor(y, device=scores.device).long()
    loss = -(scores - scores.logsumexp(dim=1, keepdim=True))[torch.arange(len(y)), y].sum()
    loss.backward()
    return (x + epsilon * x.grad.sign()).detach()  # not clamped
