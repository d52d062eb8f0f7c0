# mistake: Returns the old velocity
# why: The step uses the new velocity but the function returns the old one, so the velocity never builds up across steps.
# hint: Over three steps with a constant gradient the velocity should grow; what do you hand back for the next step?
def momentum_step(params, grad, velocity, lr, momentum=0.9):
    """params, grad, velocity: arrays of one shape; lr, momentum numbers -> (new params, new velocity)."""
    new_velocity = momentum * velocity + grad
    return params - lr * new_velocity, velocity
