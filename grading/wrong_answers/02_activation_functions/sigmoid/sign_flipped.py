# mistake: Sigmoid sign flipped
# why: It uses exp(z) instead of exp(-z), which computes sigmoid(-z) = 1 - sigmoid(z): large z gives values near 0 instead of near 1.
# hint: sigmoid(2.0) should be above 0.5; check the sign inside the exponential.
def sigmoid(z):
    """z: a number or an array of any shape -> sigma(z), same shape."""
    z = np.asarray(z, dtype=float)
    return 1.0 / (1.0 + np.exp(z))


def sigmoid_prime(z):
    """z: a number or an array of any shape -> sigma'(z) = s (1 - s) with s = sigma(z), same shape."""
    s = sigmoid(z)
    return s * (1.0 - s)
