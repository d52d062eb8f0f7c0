def momentum_step(params, grad, velocity, lr, momentum=0.9):
    """params, grad, velocity: arrays of one shape; lr, momentum numbers -> (new params, new velocity)."""
    new_velocity = momentum * velocity + grad
    return params - lr * new_velocity, velocity
