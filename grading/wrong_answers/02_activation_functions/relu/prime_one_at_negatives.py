# mistake: Derivative is 1 everywhere
# why: relu_prime returns 1 for every entry, but ReLU is flat (slope 0) for z <= 0.
# hint: The derivative should depend on z: where is ReLU flat, and where does it rise?
def relu(z):
    """z: a number or an array of any shape -> max(0, z) element-wise, same shape."""
    return np.maximum(np.asarray(z, dtype=float), 0.0)


def relu_prime(z):
    """z: a number or an array of any shape -> 1.0 where z > 0, else 0.0, same shape."""
    return np.ones_like(np.asarray(z, dtype=float))
