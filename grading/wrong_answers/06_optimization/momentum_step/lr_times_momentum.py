# mistake: Step scaled by momentum too
# why: The parameter step multiplies the velocity by lr and by momentum again, so every step is momentum times too short.
# hint: Compare the step in your code with the rule w - lr v: is there an extra factor?
def momentum_step(params, grad, velocity, lr, momentum=0.9):
    """params, grad, velocity: arrays of one shape; lr, momentum numbers -> (new params, new velocity)."""
    velocity = momentum * velocity + grad
    return params - lr * momentum * velocity, velocity
