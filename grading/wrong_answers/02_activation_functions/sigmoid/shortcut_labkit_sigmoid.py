from labkit.nn import sigmoid as library_sigmoid


def sigmoid(z):
    """z (any shape) -> 1 / (1 + exp(-z)), same shape."""
    return library_sigmoid(np.asarray(z, dtype=float))


def sigmoid_prime(z):
    """The derivative of the sigmoid, same shape as z."""
    s = sigmoid(z)
    return s * (1 - s)
