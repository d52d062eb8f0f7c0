# mistake: Learning rate left out
# why: It subtracts the whole gradient, ignoring lr, so every step has learning rate 1 whatever the caller asked for.
# hint: Call it with lr = 0: the parameters should not move. Where is lr used?
def gd_step(params, grad, lr):
    """params (...), grad (same shape), lr a number -> new params (same shape)."""
    return params - grad
