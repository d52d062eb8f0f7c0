def score_gradient(model, x, target):
    """x (N, ...) float tensor, target int or (N,) -> d model(x)[i, target_i] / d x[i], shape like x."""
    x.requires_grad_(True)  # on the caller's tensor
    target = torch.as_tensor(target).long().expand(len(x))
    model(x)[torch.arange(len(x)), target].sum().backward()
    return x.grad
