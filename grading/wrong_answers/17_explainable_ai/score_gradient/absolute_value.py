# mistake: Absolute value taken too early
# why: The gradient is right but returned as its absolute value, the saliency map; the exercise asks for the signed gradient, and the saliency map takes the absolute value later.
# hint: Are all your values non-negative? Reread whether the function returns the gradient or the saliency map.
def score_gradient(model, x, target):
    """x (N, ...) float tensor, target int or (N,) -> d model(x)[i, target_i] / d x[i], shape like x."""
    x = x.detach().clone().requires_grad_(True)
    scores = model(x)
    target = torch.as_tensor(target).long().expand(len(x))
    scores[torch.arange(len(x)), target].sum().backward()
    return x.grad.abs()  # the saliency map instead of the signed gradient
