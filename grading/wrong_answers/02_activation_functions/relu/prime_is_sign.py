# mistake: Derivative is the sign of z
# why: np.sign(z) returns -1 for negative z, but ReLU is flat there, so its slope is 0, not -1.
# hint: Look at ReLU's graph left of zero: what is the slope of a flat line?
def relu(z):
    """z: a number or an array of any shape -> max(0, z) element-wise, same shape."""
    return np.maximum(np.asarray(z, dtype=float), 0.0)


def relu_prime(z):
    """z: a number or an array of any shape -> 1.0 where z > 0, else 0.0, same shape."""
    return np.sign(z).astype(float)
