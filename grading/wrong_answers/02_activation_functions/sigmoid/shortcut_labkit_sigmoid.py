# mistake: Calls the library's sigmoid
# why: The exercise asks for your own sigmoid written with NumPy; labkit.nn.sigmoid computes it for you.
# hint: np.exp works on numbers and arrays alike: write the formula of section 1 yourself.
from labkit.nn import sigmoid as library_sigmoid


def sigmoid(z):
    """z (any shape) -> 1 / (1 + exp(-z)), same shape."""
    return library_sigmoid(np.asarray(z, dtype=float))


def sigmoid_prime(z):
    """The derivative of the sigmoid, same shape as z."""
    s = sigmoid(z)
    return s * (1 - s)
