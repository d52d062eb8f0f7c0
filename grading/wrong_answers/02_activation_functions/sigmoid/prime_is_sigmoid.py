# mistake: Derivative returns the sigmoid
# why: sigmoid_prime returns sigmoid(z), the function's value, instead of its slope; at z = 0 that gives 0.5 instead of 0.25.
# hint: The slope of the sigmoid is largest at z = 0 and never above 0.25; the docstring gives its formula in terms of s.
def sigmoid(z):
    """z: a number or an array of any shape -> sigma(z), same shape."""
    z = np.asarray(z, dtype=float)
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    """z: a number or an array of any shape -> sigma'(z) = s (1 - s) with s = sigma(z), same shape."""
    return sigmoid(z)
