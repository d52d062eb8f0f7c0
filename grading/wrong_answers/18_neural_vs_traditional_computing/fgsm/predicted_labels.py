# mistake: The model's predictions used as the labels
# why: The loss is taken on the model's own predicted classes instead of the true labels y, so for an example the model already gets wrong the step pushes it toward the true class and can repair the mistake.
# hint: Which labels does your loss use? FGSM increases the loss of the true labels y that were passed in.
def fgsm(model, x, y, epsilon):
    """x (N, 8, 8) images in [0, 1], y (N,) true labels, epsilon >= 0 -> adversarial images (N, 8, 8) in [0, 1]."""
    x = x.detach().clone().requires_grad_(True)
    scores = model(x)
    y = scores.argmax(dim=1)  # the model's guesses, not the true labels
    loss = -(scores - scores.logsumexp(dim=1, keepdim=True))[torch.arange(len(y)), y].sum()
    loss.backward()
    return (x + epsilon * x.grad.sign()).clamp(0.0, 1.0).detach()
