# mistake: Slope fixed at 0.01
# why: Both functions use the number 0.01 instead of the negative_slope argument, so they are right only for the default slope.
# hint: Call leaky_relu with negative_slope=0.1: does the output change? Look for a hard-coded number.
def leaky_relu(z, negative_slope=0.01):
    """z: a number or an array of any shape -> z where z > 0, else negative_slope * z; same shape."""
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, z, 0.01 * z)


def leaky_relu_prime(z, negative_slope=0.01):
    """z: a number or an array of any shape -> 1.0 where z > 0, else negative_slope; same shape."""
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, 1.0, 0.01)
