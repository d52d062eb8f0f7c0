# mistake: Derivative uses z instead of s
# why: It plugs z itself into s (1 - s) instead of s = sigmoid(z), so the result can be negative or huge (0 at z = 0).
# hint: In the formula s (1 - s), what is s? Compute it before using it.
def sigmoid(z):
    """z: a number or an array of any shape -> sigma(z), same shape."""
    z = np.asarray(z, dtype=float)
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    """z: a number or an array of any shape -> sigma'(z) = s (1 - s) with s = sigma(z), same shape."""
    z = np.asarray(z, dtype=float)
    return z * (1.0 - z)
