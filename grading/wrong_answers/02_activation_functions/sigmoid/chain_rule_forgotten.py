# mistake: Chain rule: inner derivative forgotten
# why: It differentiates (1 + e^-z)^-1 as -(1 + e^-z)^-2 but drops the inner derivative -e^-z, so the result is negative where the sigmoid's slope is positive.
# hint: The sigmoid increases everywhere, so its slope must be positive; redo the chain rule and keep the derivative of the inside.
def sigmoid(z):
    """z: a number or an array of any shape -> sigma(z), same shape."""
    z = np.asarray(z, dtype=float)
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    """z: a number or an array of any shape -> sigma'(z) = s (1 - s) with s = sigma(z), same shape."""
    # d/dz (1 + e^-z)^-1 = -(1 + e^-z)^-2, forgetting the inner derivative
    return -sigmoid(z) ** 2
