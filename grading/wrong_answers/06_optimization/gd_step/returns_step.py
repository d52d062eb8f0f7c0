# mistake: Returns the step, not the new params
# why: It returns lr times the gradient, the size of the step, instead of the parameters after taking it.
# hint: The result should be close to params for a small lr; what is the step subtracted from?
def gd_step(params, grad, lr):
    """params (...), grad (same shape), lr a number -> new params (same shape)."""
    return lr * grad
