# mistake: Raw gradient step, no sign
# why: The step is epsilon times the gradient itself, so pixels move by tiny, unequal amounts instead of exactly epsilon each; FGSM spends the whole budget on every pixel by taking the sign.
# hint: How far did each pixel move? In FGSM every pixel moves by exactly epsilon (unless clamped); take the sign of the gradient.
def fgsm(model, x, y, epsilon):
    """x (N, 8, 8) images in [0, 1], y (N,) true labels, epsilon >= 0 -> adversarial images (N, 8, 8) in [0, 1]."""
    x = x.detach().clone().requires_grad_(True)
    scores = model(x)
    y = torch.as_tensor(y, device=scores.device).long()
    loss = -(scores - scores.logsumexp(dim=1, keepdim=True))[torch.arange(len(y)), y].sum()
    loss.backward()
    return (x + epsilon * x.grad).clamp(0.0, 1.0).detach()  # no sign
