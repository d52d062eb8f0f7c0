# mistake: Derivative returns ReLU itself
# why: relu_prime returns relu(z), the function's values, instead of its slope (1 or 0).
# hint: For z = 3 ReLU's value is 3 but its slope is 1; which one does your relu_prime return?
def relu(z):
    """z: a number or an array of any shape -> max(0, z) element-wise, same shape."""
    return np.maximum(np.asarray(z, dtype=float), 0.0)


def relu_prime(z):
    """z: a number or an array of any shape -> 1.0 where z > 0, else 0.0, same shape."""
    return relu(z)
