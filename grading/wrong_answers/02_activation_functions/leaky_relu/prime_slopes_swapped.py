# mistake: Derivative slopes swapped
# why: leaky_relu_prime returns negative_slope where z > 0 and 1 elsewhere, the two slopes exchanged.
# hint: Which side of leaky ReLU passes z unchanged? That side has slope 1; check your condition's order in np.where.
def leaky_relu(z, negative_slope=0.01):
    """z: a number or an array of any shape -> z where z > 0, else negative_slope * z; same shape."""
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, z, negative_slope * z)


def leaky_relu_prime(z, negative_slope=0.01):
    """z: a number or an array of any shape -> 1.0 where z > 0, else negative_slope; same shape."""
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, negative_slope, 1.0)
