# mistake: Caller's input tensor modified
# why: requires_grad is switched on for the tensor you were given, and backward writes its .grad, so the caller's tensor is changed.
# hint: After your call, does x.requires_grad or x.grad differ from before? Work on a detached clone.
def score_gradient(model, x, target):
    """x (N, ...) float tensor, target int or (N,) -> d model(x)[i, target_i] / d x[i], shape like x."""
    x.requires_grad_(True)  # on the caller's tensor
    target = torch.as_tensor(target).long().expand(len(x))
    model(x)[torch.arange(len(x)), target].sum().backward()
    return x.grad
