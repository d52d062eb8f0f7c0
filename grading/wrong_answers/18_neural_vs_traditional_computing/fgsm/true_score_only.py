# mistake: The true label's raw score pushed down, no softmax
# why: The gradient of minus the true label's logit is used instead of the cross-entropy's, so the other classes' scores do not count; with more than two classes the signs differ for some pixels.
# hint: Write the loss as minus the log-softmax of the true label: the score minus logsumexp of all scores.
def fgsm(model, x, y, epsilon):
    """x (N, 8, 8) images in [0, 1], y (N,) true labels, epsilon >= 0 -> adversarial images (N, 8, 8) in [0, 1]."""
    x = x.detach().clone().requires_grad_(True)
    scores = model(x)
    y = torch.as_tensor(y, device=scores.device).long()
    loss = -scores[torch.arange(len(y)), y].sum()  # only the true label's score
    loss.backward()
    return (x + epsilon * x.grad.sign()).clamp(0.0, 1.0).detach()
