def score_gradient(model, x, target):
    """x (N, ...) float tensor, target int or (N,) -> d model(x)[i, target_i] / d x[i], shape like x."""
    x = x.detach().clone().requires_grad_(True)
    t = int(torch.as_tensor(target).reshape(-1)[0])  # one class for every example
    model(x)[:, t].sum().backward()
    return x.grad
