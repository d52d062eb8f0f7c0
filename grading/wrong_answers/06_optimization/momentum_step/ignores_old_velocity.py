# mistake: Old velocity ignored
# why: The new velocity is just the gradient, so nothing carries over between steps and this is plain gradient descent.
# hint: The velocity argument is never read; how should the old velocity enter the new one?
def momentum_step(params, grad, velocity, lr, momentum=0.9):
    """params, grad, velocity: arrays of one shape; lr, momentum numbers -> (new params, new velocity)."""
    velocity = grad
    return params - lr * velocity, velocity
