# mistake: Derivative of plain ReLU
# why: leaky_relu_prime returns 0 for z <= 0, which is ReLU's slope; leaky ReLU has slope negative_slope on that side.
# hint: Draw leaky ReLU for negative z: it is a line of slope negative_slope, not flat. What should its derivative be there?
def leaky_relu(z, negative_slope=0.01):
    """z: a number or an array of any shape -> z where z > 0, else negative_slope * z; same shape."""
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, z, negative_slope * z)


def leaky_relu_prime(z, negative_slope=0.01):
    """z: a number or an array of any shape -> 1.0 where z > 0, else negative_slope; same shape."""
    z = np.asarray(z, dtype=float)
    return (z > 0).astype(float)
