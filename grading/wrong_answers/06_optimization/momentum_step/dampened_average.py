# mistake: Averages instead of summing
# why: The velocity is a weighted average (1 - momentum) times the gradient; PyTorch's rule adds the full gradient to momentum times v.
# hint: Compare your new velocity with the rule of section 4: what multiplies the gradient there?
def momentum_step(params, grad, velocity, lr, momentum=0.9):
    """params, grad, velocity: arrays of one shape; lr, momentum numbers -> (new params, new velocity)."""
    velocity = momentum * velocity + (1 - momentum) * grad
    return params - lr * velocity, velocity
