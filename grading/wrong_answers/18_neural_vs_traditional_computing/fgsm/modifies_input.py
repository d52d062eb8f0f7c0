# mistake: Caller's images modified
# why: requires_grad is switched on for the tensor that was passed in and backward writes its .grad, so the caller's images are changed.
# hint: After your call, do x.requires_grad or x.grad differ from before? Work on x.detach().clone().
def fgsm(model, x, y, epsilon):
    """x (N, 8, 8) images in [0, 1], y (N,) true labels, epsilon >= 0 -> adversarial images (N, 8, 8) in [0, 1]."""
    x.requires_grad_(True)  # on the caller's tensor
    scores = model(x)
    y = torch.as_tensor(y, device=scores.device).long()
    loss = -(scores - scores.logsumexp(dim=1, keepdim=True))[torch.arange(len(y)), y].sum()
    loss.backward()
    return (x + epsilon * x.grad.sign()).clamp(0.0, 1.0).detach()
