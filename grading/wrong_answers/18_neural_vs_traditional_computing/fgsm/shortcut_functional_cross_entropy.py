# mistake: Calls the library's torch cross_entropy
# why: The exercise asks for the loss written with tensor math; torch.nn.functional.cross_entropy computes it for you, so the check refuses it.
# hint: Minus the log-softmax of the true label: scores[i, y_i] - scores[i].logsumexp(), negated and summed.
def fgsm(model, x, y, epsilon):
    """x (N, 8, 8) images in [0, 1], y (N,) true labels, epsilon >= 0 -> adversarial images (N, 8, 8) in [0, 1]."""
    x = x.detach().clone().requires_grad_(True)
    loss = torch.nn.functional.cross_entropy(model(x), torch.as_tensor(y).long(), reduction="sum")
    loss.backward()
    return (x + epsilon * x.grad.sign()).clamp(0.0, 1.0).detach()
