# mistake: Uses z instead of tanh(z)
# why: It computes 1 - z**2, plugging z where the formula needs tanh(z), so it goes negative for |z| > 1.
# hint: The slope of tanh is never negative; in the docstring's formula, what is squared?
def tanh_prime(z):
    """z: a number or an array of any shape -> 1 - tanh(z)**2, same shape."""
    z = np.asarray(z, dtype=float)
    return 1.0 - z ** 2
