# mistake: Calls the library's Tanh backward
# why: The exercise asks for your own derivative of tanh; labkit.nn.Tanh's backward pass computes it for you.
# hint: Use np.tanh and the formula in the docstring.
from labkit.nn import Tanh


def tanh_prime(z):
    """The derivative of tanh at z, same shape."""
    z = np.asarray(z, dtype=float)
    layer = Tanh()
    layer.forward(z)
    return layer.backward(np.ones_like(z))
