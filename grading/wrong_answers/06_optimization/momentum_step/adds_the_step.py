# mistake: Adds the step: goes uphill
# why: The velocity is right but it is added to the parameters; the velocity follows the gradient, which points uphill.
# hint: Check the sign of the parameter update: gradient descent moves against the gradient.
def momentum_step(params, grad, velocity, lr, momentum=0.9):
    """params, grad, velocity: arrays of one shape; lr, momentum numbers -> (new params, new velocity)."""
    velocity = momentum * velocity + grad
    return params + lr * velocity, velocity
