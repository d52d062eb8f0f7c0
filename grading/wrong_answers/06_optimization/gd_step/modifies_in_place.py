# mistake: Changes params in place
# why: params -= ... writes into the caller's array, so the parameters passed in are changed by the call; the exercise asks for a new array.
# hint: Print the array you passed in after the call: it should be unchanged. Compare params -= ... with params - ....
def gd_step(params, grad, lr):
    """params (...), grad (same shape), lr a number -> new params (same shape)."""
    params -= lr * grad
    return params
