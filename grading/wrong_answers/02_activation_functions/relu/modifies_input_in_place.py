# mistake: Changes the input in place
# why: It sets the negative entries of the array it was given to 0, so the caller's array is changed (and a plain number cannot be indexed at all).
# hint: Print the array you passed after calling relu: it should be unchanged. Build a new array instead of writing into z.
def relu(z):
    """z: a number or an array of any shape -> max(0, z) element-wise, same shape."""
    z[z < 0] = 0.0
    return z


def relu_prime(z):
    """z: a number or an array of any shape -> 1.0 where z > 0, else 0.0, same shape."""
    return (np.asarray(z) > 0).astype(float)
