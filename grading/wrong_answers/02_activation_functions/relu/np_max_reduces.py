# mistake: np.max instead of np.maximum
# why: np.max(z, 0) is a reduction: it returns the largest entry along axis 0 (one number), not max(0, z) for each entry.
# hint: relu of an array of 5 values should return 5 values; compare np.max and np.maximum in NumPy's documentation.
def relu(z):
    """z: a number or an array of any shape -> max(0, z) element-wise, same shape."""
    return np.max(z, 0)


def relu_prime(z):
    """z: a number or an array of any shape -> 1.0 where z > 0, else 0.0, same shape."""
    return (np.asarray(z) > 0).astype(float)
