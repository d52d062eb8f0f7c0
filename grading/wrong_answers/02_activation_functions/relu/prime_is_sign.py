def relu(z):
    """z: a number or an array of any shape -> max(0, z) element-wise, same shape."""
    return np.maximum(np.asarray(z, dtype=float), 0.0)


def relu_prime(z):
    """z: a number or an array of any shape -> 1.0 where z > 0, else 0.0, same shape."""
    return np.sign(z).astype(float)
