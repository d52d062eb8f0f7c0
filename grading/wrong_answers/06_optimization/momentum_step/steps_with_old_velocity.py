# mistake: Steps with the old velocity
# why: The parameters move with the velocity from before this gradient, and the velocity is updated afterwards, one step late.
# hint: The exercise says: update the velocity first, then step with the new one. In which order does your code do them?
def momentum_step(params, grad, velocity, lr, momentum=0.9):
    """params, grad, velocity: arrays of one shape; lr, momentum numbers -> (new params, new velocity)."""
    new_params = params - lr * velocity
    velocity = momentum * velocity + grad
    return new_params, velocity
