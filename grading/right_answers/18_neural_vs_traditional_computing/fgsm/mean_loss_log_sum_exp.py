def fgsm(model, x, y, epsilon):
    """x (N, 8, 8) images in [0, 1], y (N,) true labels, epsilon >= 0 -> adversarial images (N, 8, 8) in [0, 1]."""
    images = x.detach().clone()
    images.requires_grad_(True)
    scores = model(images)  # (N, C)
    probabilities = torch.exp(scores) / torch.exp(scores).sum(dim=1, keepdim=True)  # softmax by hand
    loss = -torch.log(probabilities[torch.arange(len(images)), y]).mean()  # the mean: same signs as the sum
    loss.backward()
    return torch.clamp(images.detach() + epsilon * torch.sign(images.grad), 0.0, 1.0)
