# mistake: Gradient descent instead of ascent
# why: The step subtracts epsilon times the sign of the loss gradient, as a training step would, so the images become easier for the model (its loss on the true labels goes down) instead of harder.
# hint: Does the model's loss on the true labels go up or down on your images? An attack climbs the loss: add the signed gradient.
def fgsm(model, x, y, epsilon):
    """x (N, 8, 8) images in [0, 1], y (N,) true labels, epsilon >= 0 -> adversarial images (N, 8, 8) in [0, 1]."""
    x = x.detach().clone().requires_grad_(True)
    scores = model(x)
    y = torch.as_tensor(y, device=scores.device).long()
    loss = -(scores - scores.logsumexp(dim=1, keepdim=True))[torch.arange(len(y)), y].sum()
    loss.backward()
    return (x - epsilon * x.grad.sign()).clamp(0.0, 1.0).detach()  # a training step on the input
