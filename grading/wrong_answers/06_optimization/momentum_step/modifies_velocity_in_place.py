# mistake: Changes the velocity in place
# why: velocity *= ... and += ... write into the caller's array, so the velocity passed in is changed by the call.
# hint: Print the velocity you passed in after the call: it should be unchanged. Build a new array instead of updating in place.
def momentum_step(params, grad, velocity, lr, momentum=0.9):
    """params, grad, velocity: arrays of one shape; lr, momentum numbers -> (new params, new velocity)."""
    velocity *= momentum
    velocity += grad
    return params - lr * velocity, velocity
