# mistake: Forgot the square
# why: It returns 1 - tanh(z) without squaring tanh, so the slope is wrong everywhere except z = 0 and not symmetric in z.
# hint: The slope of tanh is the same at z and -z; is your formula? Compare it with the docstring.
def tanh_prime(z):
    """z: a number or an array of any shape -> 1 - tanh(z)**2, same shape."""
    return 1.0 - np.tanh(z)
