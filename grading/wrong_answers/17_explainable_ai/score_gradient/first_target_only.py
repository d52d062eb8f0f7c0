# mistake: One target class for every example
# why: Only the first entry of target is used, so with a tensor of targets every example is explained for the same class instead of its own.
# hint: Try target=tensor([2, 1]): example 1 should use class 1. Pick each example's own target score.
def score_gradient(model, x, target):
    """x (N, ...) float tensor, target int or (N,) -> d model(x)[i, target_i] / d x[i], shape like x."""
    x = x.detach().clone().requires_grad_(True)
    t = int(torch.as_tensor(target).reshape(-1)[0])  # one class for every example
    model(x)[:, t].sum().backward()
    return x.grad
