# mistake: Calls the library's autograd jacobian
# why: The exercise asks for the gradient of each example's target score from one backward pass that you set up; torch.autograd.functional.jacobian computes the derivatives for you, so the check refuses it.
# hint: Clone the input, turn on requires_grad, pick each example's target score, sum them, call backward and read the input's grad.
def score_gradient(model, x, target):
    """The Jacobian of the summed target scores with respect to the batch."""
    target = torch.as_tensor(target).long().expand(len(x))
    picked = lambda inputs: model(inputs)[torch.arange(len(inputs)), target].sum()  # noqa: E731
    return torch.autograd.functional.jacobian(picked, x.detach().clone())
