# mistake: Plus instead of minus
# why: It returns 1 + tanh(z)**2, which is above 1 away from zero, but tanh flattens there and its slope falls towards 0.
# hint: The slope of tanh is largest at z = 0 (where it is 1) and shrinks for large |z|; check the sign in your formula.
def tanh_prime(z):
    """z: a number or an array of any shape -> 1 - tanh(z)**2, same shape."""
    return 1.0 + np.tanh(z) ** 2
