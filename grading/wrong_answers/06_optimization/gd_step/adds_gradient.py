# mistake: Adds the gradient: goes uphill
# why: It adds lr times the gradient to the parameters; the gradient points uphill, so this step raises the loss.
# hint: Take one step on a simple bowl and compare the loss before and after: did it go down? Check the sign of the step.
def gd_step(params, grad, lr):
    """params (...), grad (same shape), lr a number -> new params (same shape)."""
    return params + lr * grad
