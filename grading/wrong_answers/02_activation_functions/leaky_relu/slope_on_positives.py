# mistake: Slope applied to positives
# why: np.where picks negative_slope * z where z > 0 and z elsewhere, so positives are shrunk and negatives pass unchanged: the two branches are swapped.
# hint: Try leaky_relu(3.0): it should return 3.0. Check which value np.where picks when the condition holds.
def leaky_relu(z, negative_slope=0.01):
    """z: a number or an array of any shape -> z where z > 0, else negative_slope * z; same shape."""
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, negative_slope * z, z)


def leaky_relu_prime(z, negative_slope=0.01):
    """z: a number or an array of any shape -> 1.0 where z > 0, else negative_slope; same shape."""
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, 1.0, negative_slope)
